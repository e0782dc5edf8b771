import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { axeScan } from '@renderer/testing/axe';
import { settle } from '@renderer/testing/browser';
import { browserTest } from '@renderer/testing/browser-test';
import { openDesktopApp } from '@renderer/testing/desktop-app';
import { signInAs } from '@renderer/testing/sign-in';
import { startTcpProxy } from '@renderer/testing/tcp-proxy';
import { addWalkIn, openConsultation } from '@renderer/testing/doctor-steps';

const WAIT = { timeout: 60_000 };
const DOCTOR = 'Dr. Arvind Menon';
const ROOM_TEXT = 'Cough for three weeks, wheeze on exertion (consulting room)';
const HOME_TEXT = 'Cough for three weeks, night sweats and weight loss (home office)';
const LATE_TEXT = 'Sputum for AFB ordered: add to the plan';
const REWRITTEN = 'Chest X-ray first; sputum only if it shows a shadow';
const REFUSED_ADDENDUM = 'Family contacts to be screened for TB';

/** The doctor on a client desktop that reaches the hub through a cuttable link, and in a second window. */
const test = browserTest
  .extend('proxy', { scope: 'file' }, async ({ hub }, { onCleanup }) => {
    const proxy = await startTcpProxy(hub.url);
    onCleanup(() => proxy.close());
    return proxy;
  })
  .extend('desk', { scope: 'file' }, async ({ hub, proxy, browser }, { onCleanup }) => {
    const desk = await openDesktopApp(browser, hub.url, proxy.url);
    onCleanup(() => desk.close());
    await signInAs(desk.page, 'doctor');
    return desk;
  })
  .extend('other', { scope: 'file' }, ({ signedIn }) => signedIn('doctor'));

/**
 * The same doctor on a client desktop (through a cuttable link) and in a second window: the
 * desktop's offline save of a draft the other window changed meanwhile shows both texts side by
 * side until the doctor chooses; an offline save refused because the record was signed meanwhile
 * shows on the needs-attention card with the patient and the text, which can go into an addendum
 * and is discarded only after asking once more.
 */
describe('doctor: draft conflicts and refused drafts on a desktop', () => {
  let workspaceUrl = '';
  let patientName = '';

  const complaint = (page: Page) => page.getByLabel('Chief complaint');
  const saveStatus = (page: Page) => page.getByTestId('save-status');
  const online = (page: Page) => page.getByTestId('status-bar').getByTestId('connection-state').innerText();

  test('shows both texts side by side when two saves of the same draft cross, and keeps the chosen one', async ({
    desk,
    other,
    proxy,
  }) => {
    const { page } = desk;
    await addWalkIn(page, { doctor: DOCTOR, newName: `Draft Conflict ${Date.now()}`, urgent: true });
    await openConsultation(page);
    patientName = await page.getByTestId('patient-name').innerText();
    workspaceUrl = page.url();
    await complaint(page).fill('Cough for three weeks');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => saveStatus(page).innerText(), WAIT).toMatch(/^Draft saved at/);

    // The second window opens the same record, as the desktop has it.
    await other.page.goto(workspaceUrl);
    await expect.poll(() => complaint(other.page).inputValue(), WAIT).toBe('Cough for three weeks');

    // The desktop loses the LAN and saves its text; the other window saves a different one.
    await expect.poll(() => online(page), WAIT).toBe('Online');
    proxy.cut();
    await expect.poll(() => online(page), WAIT).toMatch(/^Offline since/);
    await complaint(page).fill(ROOM_TEXT);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => saveStatus(page).innerText(), WAIT).toMatch(/^Draft saved at/);
    await complaint(other.page).fill(HOME_TEXT);
    await other.page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => saveStatus(other.page).innerText(), WAIT).toMatch(/^Draft saved at/);

    proxy.restore();
    const conflict = page.getByTestId('draft-conflict');
    await conflict.waitFor(WAIT);
    expect(await conflict.getByTestId('conflict-draft').innerText()).toContain(ROOM_TEXT);
    expect(await conflict.getByTestId('conflict-other').innerText()).toContain(HOME_TEXT);
    expect(await page.getByRole('button', { name: 'Finalize…' }).isDisabled()).toBe(true);
    // The other window is told too: the desktop's later save is its draft now, its own text beside it.
    const seenThere = other.page.getByTestId('draft-conflict');
    await seenThere.waitFor(WAIT);
    await expect.poll(() => complaint(other.page).inputValue(), WAIT).toBe(ROOM_TEXT);
    expect(await seenThere.getByTestId('conflict-other').innerText()).toContain(HOME_TEXT);
    await settle(page);
    await page.screenshot({ path: join(tmpdir(), 'clinic-draft-conflict.png'), fullPage: true });
    expect(await axeScan(page)).toEqual([]);

    // Choosing asks once more; cancelling keeps both.
    await conflict.getByRole('button', { name: 'Use the other version' }).click();
    await conflict.getByRole('button', { name: 'Cancel' }).click();
    await conflict.getByRole('button', { name: 'Use the other version' }).click();
    await conflict
      .getByRole('group', { name: 'Confirm the choice' })
      .getByRole('button', { name: 'Use the other version' })
      .click();
    await conflict.waitFor({ state: 'detached', ...WAIT });
    expect(await complaint(page).inputValue()).toBe(HOME_TEXT);
    await expect.poll(() => saveStatus(page).innerText(), WAIT).toMatch(/^Draft saved at/);
    await other.page.getByTestId('draft-conflict').waitFor({ state: 'detached', ...WAIT });
    expect(await page.getByRole('button', { name: 'Finalize…' }).isDisabled()).toBe(false);
  }, 300_000);

  test('keeps an offline save refused because the record was signed meanwhile, names the patient, and adds it as an addendum', async ({
    desk,
    other,
    proxy,
  }) => {
    const { page } = desk;
    proxy.cut();
    await expect.poll(() => online(page), WAIT).toMatch(/^Offline since/);
    await page.getByLabel('Advice for the patient').fill(LATE_TEXT);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => saveStatus(page).innerText(), WAIT).toMatch(/^Draft saved at/);

    // Meanwhile the record is signed in the other window.
    const o = other.page;
    await expect.poll(() => complaint(o).inputValue(), WAIT).toBe(HOME_TEXT);
    await o.getByLabel('Diagnosis', { exact: true }).fill('Suspected pulmonary TB');
    await o.getByRole('button', { name: 'Finalize…' }).click();
    const confirm = o.getByRole('alertdialog');
    await confirm.getByText(/read-only/).waitFor(WAIT);
    const ack = confirm.getByText(/I have reviewed the allergy warnings/);
    if ((await ack.count()) > 0) await ack.click();
    await confirm.getByRole('button', { name: 'Sign and finalize' }).click();
    await o.getByTestId('signed-record').waitFor(WAIT);

    proxy.restore();
    const status = page.getByTestId('status-bar');
    const attention = status.getByTestId('needs-attention-count');
    await attention.waitFor(WAIT);
    await attention.click();
    const card = page.getByTestId('needs-attention').getByTestId('attention-entry');
    await card.waitFor(WAIT);
    await expect
      .poll(() => card.getByTestId('refused-draft-patient').innerText(), WAIT)
      .toContain(patientName);
    expect(await card.getByTestId('refused-draft-text').innerText()).toContain(LATE_TEXT);
    // Once the desktop has pulled the signature, the card offers the addendum.
    await card.getByRole('button', { name: 'Copy into an addendum' }).waitFor(WAIT);
    expect(await card.innerText()).toContain('The record is signed');
    await settle(page);
    await page.screenshot({ path: join(tmpdir(), 'clinic-refused-draft.png'), fullPage: true });
    expect(await axeScan(page)).toEqual([]);

    // Discarding asks once more; keeping it leaves the text where it was.
    await card.getByRole('button', { name: 'Discard…' }).click();
    await card.getByText('Discard this text for good?').waitFor(WAIT);
    await card.getByRole('button', { name: 'Keep it' }).click();
    expect(await card.getByTestId('refused-draft-text').innerText()).toContain(LATE_TEXT);

    // Another save of the same visit refused (as the editor's save on leaving would be), with a
    // rewritten text: still one card, the latest text, and the older one it lacks kept below.
    const refusal = await page.evaluate(async (rewrite) => {
      type Bridge = {
        needsAttention(): Promise<{ input: { content: object } }[]>;
        call(name: string, input: unknown): Promise<unknown>;
      };
      const bridge = (window as unknown as { clinic: Bridge }).clinic;
      const [entry] = await bridge.needsAttention();
      return bridge.call('consultations.saveDraft', {
        ...entry!.input,
        content: { ...entry!.input.content, advice: rewrite },
      });
    }, REWRITTEN);
    expect(refusal).toMatchObject({ ok: false, error: { code: 'POLICY' } });
    await expect.poll(() => card.getByTestId('refused-draft-text').innerText(), WAIT).toContain(REWRITTEN);
    expect(await card.count()).toBe(1);
    expect(await card.getByTestId('refused-draft-earlier').innerText()).toContain(LATE_TEXT);

    await card.getByRole('button', { name: 'Copy into an addendum' }).click();
    const text = card.getByRole('textbox', { name: 'Addendum' });
    expect(await text.inputValue()).toContain(`Advice: ${REWRITTEN}`);
    expect(await text.inputValue()).toContain(`Advice: ${LATE_TEXT}`);
    await card.getByRole('button', { name: 'Add addendum' }).click();
    await page.getByTestId('needs-attention').getByText('Nothing needs attention').waitFor(WAIT);
    await page.getByTestId('needs-attention').getByRole('button', { name: 'Close' }).first().click();
    await expect.poll(() => page.getByTestId('addenda').innerText(), WAIT).toContain(LATE_TEXT);
  }, 300_000);

  test('shows a refused addendum and refused vitals with the patient and what was written, and discards each only after asking once more', async ({
    desk,
  }) => {
    const { page } = desk;
    // Refusals as the hub answers them after a push (planted in the desktop's own table, as the
    // sync engine writes them): an addendum to the record signed above, and vitals of its visit.
    const db = new BetterSqlite3(join(desk.dataDir, 'replica.db'));
    try {
      const signed = db
        .prepare(
          `SELECT c.id, c.appointmentId, a.authorUserId FROM addenda a
           JOIN consultations c ON c.id = a.consultationId WHERE a.text LIKE ?`,
        )
        .get(`%${LATE_TEXT}%`) as { id: string; appointmentId: string; authorUserId: string };
      const refuse = db.prepare(
        `INSERT INTO client_attention (id, userId, mutationId, name, input, error, nextAction, createdAt)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const review = JSON.stringify({ kind: 'review', hint: 'Check the record.' });
      const at = new Date().toISOString();
      refuse.run(
        'refused-addendum',
        signed.authorUserId,
        90,
        'consultations.addAddendum',
        JSON.stringify({ id: crypto.randomUUID(), consultationId: signed.id, text: REFUSED_ADDENDUM }),
        JSON.stringify({ code: 'CONFLICT', message: 'The record changed meanwhile.' }),
        review,
        at,
      );
      const vitals = {
        systolic: 142,
        diastolic: 91,
        pulse: 88,
        temperatureC: null,
        spo2: 97,
        weightKg: null,
      };
      refuse.run(
        'refused-vitals',
        signed.authorUserId,
        91,
        'consultations.recordVitals',
        JSON.stringify({ id: crypto.randomUUID(), appointmentId: signed.appointmentId, vitals }),
        JSON.stringify({ code: 'POLICY', message: 'Vitals can be recorded only for a checked-in patient.' }),
        review,
        at,
      );
    } finally {
      db.close();
    }
    // Any change of the list makes the desktop announce the new count.
    await page.evaluate(() =>
      (
        window as unknown as { clinic: { dismissAttention(id: string): Promise<boolean> } }
      ).clinic.dismissAttention('none'),
    );
    await page.getByTestId('status-bar').getByTestId('needs-attention-count').click();
    const dialog = page.getByTestId('needs-attention');
    const addendum = dialog.getByRole('article', { name: 'Addendum needs attention' });
    const vitals = dialog.getByRole('article', { name: 'Vitals needs attention' });
    await expect
      .poll(() => addendum.getByTestId('refused-text-patient').innerText(), WAIT)
      .toContain(patientName);
    expect(await addendum.getByTestId('refused-text').innerText()).toContain(REFUSED_ADDENDUM);
    await expect
      .poll(() => vitals.getByTestId('refused-text-patient').innerText(), WAIT)
      .toContain(patientName);
    expect(await vitals.getByTestId('refused-text').innerText()).toContain('BP 142/91 mmHg');
    // The doctor signed this record: the text can go into an addendum again.
    await addendum.getByRole('button', { name: 'Copy into an addendum' }).click();
    expect(await addendum.getByRole('textbox', { name: 'Addendum' }).inputValue()).toBe(REFUSED_ADDENDUM);
    await addendum.getByRole('button', { name: 'Cancel' }).click();
    await settle(page);
    expect(await axeScan(page)).toEqual([]);

    // Dismissing asks once more; keeping it leaves the text where it was.
    await addendum.getByRole('button', { name: 'Discard…' }).click();
    await addendum.getByText('Discard this text for good?').waitFor(WAIT);
    await addendum.getByRole('button', { name: 'Keep it' }).click();
    expect(await addendum.getByTestId('refused-text').innerText()).toContain(REFUSED_ADDENDUM);
    await addendum.getByRole('button', { name: 'Discard…' }).click();
    await addendum.getByRole('button', { name: 'Discard the text' }).click();
    await addendum.waitFor({ state: 'detached', ...WAIT });
    expect(await vitals.getByTestId('refused-text').innerText()).toContain('BP 142/91 mmHg');
    await vitals.getByRole('button', { name: 'Discard…' }).click();
    await vitals.getByText('Discard these readings for good?').waitFor(WAIT);
    await vitals.getByRole('button', { name: 'Discard the text' }).click();
    await dialog.getByText('Nothing needs attention').waitFor(WAIT);
  }, 300_000);

  test('ran without console errors, page errors or CSP violations', ({ desk, other }) => {
    expect([...desk.problems, ...other.problems]).toEqual([]);
  });
});
