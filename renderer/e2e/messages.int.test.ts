import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { axeScan } from '@renderer/testing/axe';
import { openScreen } from '@renderer/testing/browser';
import { browserTest } from '@renderer/testing/browser-test';
import { startDemoHub } from '@renderer/testing/demo-hub';
import { type SeededMessages, seedMessages } from '@renderer/testing/messages-seed';

const TIMEOUT = { timeout: 30_000 };

let seededBeforeStart: SeededMessages | undefined;

/**
 * The file's hub is one whose outbox was seeded before it started; `seeded` is what was written,
 * `hubRow` reads one row of the hub's database; reception signed in on its own device.
 */
const test = browserTest
  // eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's needs from its destructuring
  .extend('hub', { scope: 'file' }, async ({}, { onCleanup }) => {
    const hub = await startDemoHub({ prepare: (dataDir) => (seededBeforeStart = seedMessages(dataDir)) });
    onCleanup(() => hub.stop());
    return hub;
  })
  .extend('seeded', { scope: 'file' }, ({ hub }): SeededMessages => {
    void hub; // seeded by the hub's start
    return seededBeforeStart!;
  })
  .extend('hubRow', { scope: 'file' }, ({ hub }) => {
    return <T>(sql: string, ...params: unknown[]): T => {
      const db = new BetterSqlite3(join(hub.dataDir, 'clinic.db'), { readonly: true });
      try {
        return db.prepare(sql).get(...params) as T;
      } finally {
        db.close();
      }
    };
  })
  .extend('app', { scope: 'file' }, ({ signedIn }) => signedIn('receptionist'));

const rows = (page: Page) => page.getByTestId('message-row');
const cellsOf = (page: Page, column: number) => rows(page).locator(`td:nth-child(${column})`).allInnerTexts();

/**
 * Issue 15: what reception sees of the messages the clinic sends — the Messages screen (filters in
 * the URL, a failed message's error, retry), a patient's messages on their profile, and the
 * patient's message choices on the patient form. The outbox rows are written into the demo
 * clinic before its hub starts, as the planner and the delivery worker leave them.
 */
describe('staff app in browser mode: messages', () => {
  test('lists the messages, newest first, and narrows them to one patient (in the URL)', async ({
    app,
    seeded,
  }) => {
    const { page } = app;
    await openScreen(page, 'Messages');
    await page.getByRole('heading', { name: 'Messages', level: 1 }).waitFor(TIMEOUT);
    await rows(page).first().waitFor(TIMEOUT);

    await page.getByRole('combobox', { name: 'Patient' }).fill(seeded.patient.code);
    await page.getByRole('button', { name: new RegExp(seeded.patient.code) }).click();
    await expect.poll(() => page.url(), TIMEOUT).toContain(`patient=${seeded.patient.id}`);
    await expect
      .poll(async () => (await cellsOf(page, 2)).every((p) => p.startsWith(seeded.patient.fullName)), TIMEOUT)
      .toBe(true);
    // Newest first: the seeded messages were made in this order, the pending reminder last.
    expect((await cellsOf(page, 3)).slice(0, 5)).toEqual([
      'Reminder',
      'Prescription ready',
      'Payment receipt',
      'Reminder',
      'Booking confirmation',
    ]);
    expect(await axeScan(page)).toEqual([]);
  }, 300_000); // also starts the hub (the run's first browser file waits for the demo seeding) and the browser

  test('filters by channel and state (kept in the URL); a failed one shows its reason in red', async ({
    app,
    seeded,
  }) => {
    const { page } = app;
    await page.getByLabel('Channel').selectOption({ label: 'E-mail' });
    await expect.poll(() => page.url(), TIMEOUT).toContain('channel=email');
    await expect
      .poll(async () => {
        const channels = await cellsOf(page, 4);
        return channels.length > 0 && channels.every((c) => c.startsWith('E-mail'));
      }, TIMEOUT)
      .toBe(true);

    await page.getByLabel('State').selectOption({ label: 'Failed' });
    await expect.poll(() => page.url(), TIMEOUT).toContain('state=failed');
    await expect
      .poll(async () => {
        const states = await cellsOf(page, 6);
        return states.length > 0 && states.every((s) => s.startsWith('Failed'));
      }, TIMEOUT)
      .toBe(true);
    const failed = rows(page).filter({ hasText: seeded.failedReason });
    await failed.waitFor(TIMEOUT);
    // Red, not the muted grey. Read again if the list's 5 s poll re-rendered the row in between
    // (a detached element has no computed colour).
    const reasonColor = () =>
      failed
        .getByText(seeded.failedReason)
        .evaluate((el) => (el.isConnected ? getComputedStyle(el).color : ''));
    await expect
      .poll(async () => {
        const [red, green] = (await reasonColor()).match(/\d+/g)?.map(Number) ?? [];
        return red !== undefined && green !== undefined && red > green + 60;
      }, TIMEOUT)
      .toBe(true);

    // Dark mode: the red error and the badges keep their contrast.
    const isDark = () => page.evaluate(() => document.documentElement.classList.contains('dark'));
    await page.getByTestId('color-mode-toggle').click();
    await expect.poll(isDark, TIMEOUT).toBe(true);
    expect(await axeScan(page)).toEqual([]);
    await page.getByTestId('color-mode-toggle').click();
    await expect.poll(isDark, TIMEOUT).toBe(false);

    // The filters survive a reload (they are the URL).
    await page.reload();
    await failed.waitFor(TIMEOUT);
    expect(await page.getByLabel('State').inputValue()).toBe('failed');
    expect(await page.getByLabel('Channel').inputValue()).toBe('email');
  }, 90_000);

  test('opens a failed message: its text (line breaks kept), recipient and error', async ({
    app,
    seeded,
  }) => {
    const { page } = app;
    await rows(page).filter({ hasText: seeded.failedReason }).click();
    const drawer = page.getByTestId('message-drawer');
    await drawer.getByRole('heading', { name: 'Reminder · E-mail' }).waitFor(TIMEOUT);
    expect(await drawer.getByTestId('message-reason').innerText()).toBe(seeded.failedReason);
    const text = await drawer.getByTestId('message-text').innerText();
    expect(text).toContain('Reminder: your appointment tomorrow at 10:30');
    expect(text).toContain(`Dear ${seeded.patient.fullName},\n\nThis is a reminder`);
    expect(await drawer.innerText()).toMatch(/To\s*\S+@example\.in/);
    expect(await drawer.getByRole('button', { name: 'Retry' }).count()).toBe(1);
    expect(await axeScan(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden', ...TIMEOUT });
  }, 90_000);

  test('retries a failed SMS: asks nothing, and the drawer shows it pending (or already sent)', async ({
    app,
    seeded,
    hubRow,
  }) => {
    const { page } = app;
    await page.getByLabel('Channel').selectOption({ label: 'SMS' });
    await expect.poll(() => page.url(), TIMEOUT).toContain('channel=sms');
    await rows(page).filter({ hasText: seeded.failedSmsReason }).click();
    const drawer = page.getByTestId('message-drawer');
    await drawer.getByRole('heading', { name: 'Request confirmed · SMS' }).waitFor(TIMEOUT);
    await drawer.getByRole('button', { name: 'Retry' }).click();
    await drawer.getByText(/^Queued again/).waitFor(TIMEOUT);
    // The delivery worker (simulated SMS) may already have sent it; it is failed no longer either way.
    expect(await drawer.getByText(/^(Pending|Sent)$/).count()).toBe(1);
    expect(await drawer.getByRole('button', { name: 'Retry' }).count()).toBe(0);
    const stored = hubRow<{ state: string }>(
      'SELECT state FROM notifications WHERE id = ?',
      seeded.failedSmsId,
    );
    expect(['pending', 'sent']).toContain(stored.state);
    expect(
      hubRow<{ n: number }>(
        "SELECT count(*) AS n FROM audit_log WHERE action = 'notifications.retry' AND entityId = ?",
        seeded.failedSmsId,
      ).n,
    ).toBe(1);
    // It stays open though it left the "Failed" list.
    await expect.poll(() => rows(page).filter({ hasText: seeded.failedSmsReason }).count(), TIMEOUT).toBe(0);
    expect(await drawer.getByRole('heading', { name: 'Request confirmed · SMS' }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden', ...TIMEOUT });
  }, 90_000);

  test('shows an SMS with its segment count and encoding', async ({ app, seeded }) => {
    const { page } = app;
    await page.getByRole('button', { name: 'Reset filters' }).click();
    await page.getByLabel('Channel').selectOption({ label: 'SMS' });
    await page.getByLabel('Kind').selectOption({ label: 'Payment receipt' });
    await expect
      .poll(() => page.url(), TIMEOUT)
      .toMatch(/channel=sms.*kind=payment_receipt|kind=payment_receipt.*channel=sms/);
    const hindi = rows(page)
      .filter({ hasText: 'Payment receipt' })
      .filter({ hasText: seeded.patient.fullName });
    await hindi.first().click();
    const drawer = page.getByTestId('message-drawer');
    await drawer.getByRole('heading', { name: 'Payment receipt · SMS' }).waitFor(TIMEOUT);
    expect(await drawer.getByTestId('message-size').innerText()).toMatch(
      /^\d+ segments · \d+ characters · UCS-2$/,
    );
    expect(await drawer.getByTestId('message-text').innerText()).toContain('रसीद');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden', ...TIMEOUT });
  }, 90_000);

  test('lists a patient’s messages on their profile; a row opens the same drawer', async ({
    app,
    seeded,
    hub,
  }) => {
    const { page } = app;
    await page.goto(`${hub.url}/patients/${seeded.patient.id}`);
    const section = page.getByRole('region', { name: 'Messages' });
    await section.getByTestId('message-row').first().waitFor(TIMEOUT);
    const kinds = await section.getByTestId('message-row').locator('td:nth-child(2)').allInnerTexts();
    for (const kind of ['Booking confirmation', 'Reminder', 'Payment receipt', 'Prescription ready']) {
      expect(kinds, kind).toContain(kind);
    }
    expect(await section.getByRole('link', { name: 'Open in Messages' }).getAttribute('href')).toBe(
      `/messages?patient=${seeded.patient.id}`,
    );
    // The demo clinic's own history makes messages too (one per channel): open an in-app one.
    await section
      .getByTestId('message-row')
      .filter({ hasText: 'Prescription ready' })
      .filter({ hasText: 'In-app' })
      .first()
      .click();
    const drawer = page.getByTestId('message-drawer');
    await drawer.getByRole('heading', { name: 'Prescription ready · In-app' }).waitFor(TIMEOUT);
    expect(await drawer.innerText()).toContain('The patient’s app inbox');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden', ...TIMEOUT });
    expect(await axeScan(page)).toEqual([]);
  }, 90_000);

  test('invites the patient to the app from their profile: an activation code goes out, never shown', async ({
    app,
    seeded,
    hubRow,
  }) => {
    const { page } = app;
    const section = page.getByRole('region', { name: 'Messages' });
    const codeRows = section.getByTestId('message-row').filter({ hasText: 'Activation code' });
    expect(await codeRows.count()).toBe(0);
    await page.getByRole('button', { name: 'Invite to the app' }).click();
    await page.getByText(`Invited ${seeded.patient.fullName} to the app: code sent to`).waitFor(TIMEOUT);
    // The list refreshes with the code's SMS (and its e-mail, sent or skipped for want of an address).
    await codeRows.filter({ hasText: 'SMS' }).first().waitFor(TIMEOUT);
    expect(
      hubRow<{ role: string; credentials: number }>(
        'SELECT role, (SELECT count(*) FROM credentials WHERE userId = users.id) AS credentials FROM users WHERE patientId = ?',
        seeded.patient.id,
      ),
    ).toEqual({ role: 'patient', credentials: 0 });
    const code = hubRow<{ body: string }>(
      "SELECT body FROM notifications WHERE patientId = ? AND kind = 'activation_code' AND channel = 'sms'",
      seeded.patient.id,
    ).body.match(/\d{6}/)![0];
    expect(await section.innerText()).not.toContain(code);
    expect(await axeScan(page)).toEqual([]);
  }, 90_000);

  test('saves the patient’s message choices from the patient form', async ({ app, seeded, hub, hubRow }) => {
    const { page } = app;
    await page.getByRole('link', { name: 'Edit details' }).click();
    const form = page.getByRole('form', { name: 'Edit patient' });
    const group = form.getByRole('group', { name: 'Messages' });
    await group.waitFor(TIMEOUT);
    await group.getByLabel('Language of messages').selectOption('hi');
    await group.getByText('No SMS', { exact: true }).click();
    await group.getByText('Attach receipts and prescriptions to e-mails').click();
    expect(await group.getByRole('checkbox', { name: 'No SMS' }).isChecked()).toBe(true);
    expect(await axeScan(page)).toEqual([]);
    await form.getByRole('button', { name: 'Save changes' }).click();

    await page.getByText('हिन्दी · e-mail with attachments').waitFor(TIMEOUT);
    expect(
      hubRow(
        'SELECT preferredLanguage, messageOptOuts, emailAttachments FROM patients WHERE id = ?',
        seeded.patient.id,
      ),
    ).toEqual({ preferredLanguage: 'hi', messageOptOuts: '["sms"]', emailAttachments: 1 });

    // The form shows what was saved, and "No e-mail" turns the attachments choice off.
    await page.getByRole('link', { name: 'Edit details' }).click();
    await group.waitFor(TIMEOUT);
    expect(await group.getByLabel('Language of messages').inputValue()).toBe('hi');
    expect(await group.getByRole('checkbox', { name: 'No SMS' }).isChecked()).toBe(true);
    expect(await group.getByRole('checkbox', { name: /^Attach receipts/ }).isChecked()).toBe(true);
    await group.getByText('No e-mail', { exact: true }).click();
    expect(await group.getByRole('checkbox', { name: /^Attach receipts/ }).isDisabled()).toBe(true);

    // Registration has the same choices.
    await page.goto(`${hub.url}/patients/new`);
    const register = page.getByRole('form', { name: 'Register a patient' });
    await register.getByLabel('Full name').fill('Sunita Varma Messages');
    const choices = register.getByRole('group', { name: 'Messages' });
    await choices.getByLabel('Language of messages').selectOption('hi');
    await choices.getByText('No e-mail', { exact: true }).click();
    await register.getByRole('button', { name: 'Register patient' }).click();
    await page.getByRole('heading', { name: 'Sunita Varma Messages', level: 1 }).waitFor(TIMEOUT);
    await page.getByText('हिन्दी · SMS', { exact: true }).waitFor(TIMEOUT);
    expect(
      hubRow(
        "SELECT preferredLanguage, messageOptOuts, emailAttachments FROM patients WHERE fullName = 'Sunita Varma Messages'",
      ),
    ).toEqual({ preferredLanguage: 'hi', messageOptOuts: '["email"]', emailAttachments: 0 });
  }, 90_000);
});
