import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { axeScan } from '@renderer/testing/axe';
import { openApp, openScreen } from '@renderer/testing/browser';
import { browserTest } from '@renderer/testing/browser-test';
import { openDesktopApp } from '@renderer/testing/desktop-app';
import { DEMO_ACCOUNTS, signInAs, signInWith } from '@renderer/testing/sign-in';

const TIMEOUT = { timeout: 30_000 };
const NEW_USER = { username: 'rita.front', name: 'Rita Fernandes', password: 'front-desk-2026!' };

// The admin's home is the Summary.
const test = browserTest.extend('admin', { scope: 'file' }, ({ signedIn }) => signedIn('admin'));

/** "1–25 of 31" under the appointment list → 31; the empty state → 0. */
async function appointmentListTotal(page: Page): Promise<number> {
  const range = page.getByText(/^\d+–\d+ of \d+$/);
  const empty = page.getByText('No appointments found');
  await range.or(empty).first().waitFor(TIMEOUT);
  if (await empty.isVisible()) return 0;
  return Number(/of (\d+)$/.exec(await range.innerText())![1]);
}

describe('staff app in browser mode: the admin screens', () => {
  test("admin sees the day's summary, matching the appointment list for today", async ({ admin }) => {
    const { page } = admin;
    await page.getByRole('heading', { name: 'Summary', level: 1 }).waitFor(TIMEOUT);
    const stat = async (id: string) => {
      const value = page.getByTestId(`stat-${id}-value`);
      await value.waitFor(TIMEOUT);
      return value.innerText();
    };
    const total = Number(await stat('total'));
    const completed = Number(await stat('completed'));
    const noShow = Number(await stat('no-show'));
    expect(total).toBeGreaterThan(0); // the demo always has appointments today
    expect(completed + noShow + Number(await stat('cancelled'))).toBeLessThanOrEqual(total);
    expect(await stat('revenue')).toMatch(/₹/);
    expect(await page.getByRole('list', { name: 'Revenue by payment mode' }).innerText()).toMatch(/Cash/);
    expect(await axeScan(page)).toEqual([]);

    await openScreen(page, 'Appointments');
    await page.getByRole('heading', { name: 'Appointments', level: 1 }).waitFor(TIMEOUT);
    await page.getByRole('button', { name: 'Today' }).click();
    expect(await appointmentListTotal(page)).toBe(total);
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Completed' });
    await expect.poll(() => page.url(), TIMEOUT).toContain('status=COMPLETED');
    await expect.poll(() => appointmentListTotal(page), TIMEOUT).toBe(completed);
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'No-show' });
    await expect.poll(() => appointmentListTotal(page), TIMEOUT).toBe(noShow);

    await openScreen(page, 'Summary');
    await page.getByRole('button', { name: 'This week' }).click();
    await expect.poll(() => page.url(), TIMEOUT).toContain('range=week');
    await page.getByRole('list', { name: 'Appointments per day' }).waitFor(TIMEOUT);
    expect(Number(await stat('total'))).toBeGreaterThanOrEqual(total);

    // Last month: the month of demo history before this one, named in the description.
    await page.getByRole('button', { name: 'Last month' }).click();
    await expect.poll(() => page.url(), TIMEOUT).toContain('range=lastMonth');
    await page.getByText(/^Last month: .+ – .+/).waitFor(TIMEOUT);
    // Demo history fills the whole month before this one: more than today alone.
    await expect.poll(async () => Number(await stat('total')), TIMEOUT).toBeGreaterThan(total);
    const lastMonth = Number(await stat('total'));
    // The doctors' figures are the shared table: a header sorts its column (aria-sort) and back.
    const figures = page.getByRole('table', { name: 'Consultations and revenue by doctor' });
    await figures.getByTestId('doctor-figures-row').first().waitFor(TIMEOUT);
    const byConsultations = figures.getByRole('columnheader', { name: 'Consultations', exact: true });
    const consultations = async () =>
      (await figures.locator('tbody tr td:nth-child(2)').allInnerTexts()).map(Number);
    await byConsultations.getByRole('button').click();
    await expect.poll(() => byConsultations.getAttribute('aria-sort'), TIMEOUT).toBe('ascending');
    expect(await consultations()).toEqual((await consultations()).toSorted((x, y) => x - y));
    await byConsultations.getByRole('button').click();
    await expect.poll(() => byConsultations.getAttribute('aria-sort'), TIMEOUT).toBe('descending');
    expect(await consultations()).toEqual((await consultations()).toSorted((x, y) => y - x));

    // A custom range: a wrong order refused naming the field; then the start of last month to
    // today, whose figures (more than last month's) come from the hub.
    await page.getByRole('button', { name: 'Custom range' }).click();
    const custom = page.getByRole('group', { name: 'Custom range' });
    await custom.getByLabel('To').fill('01/01/2020'); // typed as the clinic writes dates (en-IN)
    await custom.getByText('To must be on or after From.').waitFor(TIMEOUT);
    const now = new Date();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(now);
    await custom
      .getByLabel('To')
      .fill(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Kolkata' }).format(now));
    await custom.getByText('To must be on or after From.').waitFor({ state: 'hidden', ...TIMEOUT });
    await expect.poll(() => page.url(), TIMEOUT).toContain(`to=${today}`);
    await page.getByText(/^Custom range: .+ – .+/).waitFor(TIMEOUT);
    await expect.poll(async () => Number(await stat('total')), TIMEOUT).toBeGreaterThan(lastMonth);

    expect(await axeScan(page)).toEqual([]);
  }, 300_000); // also starts the hub (the run's first browser file waits for the demo seeding) and the browser

  test('creates a receptionist who can sign in elsewhere; disabling signs them out', async ({
    admin,
    hub,
    browser,
  }) => {
    const { page } = admin;
    await openScreen(page, 'Users');
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor(TIMEOUT);
    await page.getByTestId('user-row').first().waitFor(TIMEOUT);
    expect(await axeScan(page)).toEqual([]);

    await page.getByRole('button', { name: 'New user' }).click();
    const form = page.getByRole('form', { name: 'New user' });
    await form.getByLabel('Full name').fill(NEW_USER.name);
    await form.getByLabel('Username').fill(NEW_USER.username);
    await form.getByLabel('Role').selectOption('receptionist');
    await form.getByLabel('Initial password').fill(NEW_USER.password);
    await form.getByLabel('Password again').fill('something else');
    await form.getByRole('button', { name: 'Create user' }).click();
    await form.getByText('the two passwords differ').waitFor(TIMEOUT);
    await form.getByLabel('Password again').fill(NEW_USER.password);
    await form.getByRole('button', { name: 'Create user' }).click();
    await form.waitFor({ state: 'hidden', ...TIMEOUT });
    const row = page.locator(`[data-testid="user-row"][data-username="${NEW_USER.username}"]`);
    await row.waitFor(TIMEOUT);
    expect(await row.innerText()).toMatch(/Receptionist[\s\S]*Active/);

    const rita = await openApp(browser, hub.url);
    try {
      await signInWith(rita.page, NEW_USER.username, NEW_USER.password);
      await rita.page.getByRole('navigation', { name: 'Main' }).waitFor(TIMEOUT);
      expect(await rita.page.getByTestId('current-user').innerText()).toContain(NEW_USER.name);

      await row.getByRole('button', { name: `Disable ${NEW_USER.name}` }).click();
      const confirm = page.getByRole('alertdialog');
      expect(await confirm.innerText()).toMatch(/signed out everywhere/);
      await confirm.getByRole('button', { name: 'Disable and sign out' }).click();
      await confirm.waitFor({ state: 'hidden', ...TIMEOUT });
      await expect.poll(() => row.innerText(), TIMEOUT).toMatch(/Disabled/);

      await rita.page.getByRole('form', { name: 'Sign in' }).waitFor(TIMEOUT);
      await rita.page.getByText('Your account was disabled by the clinic’s admin.').waitFor(TIMEOUT);
      await signInWith(rita.page, NEW_USER.username, NEW_USER.password);
      await rita.page.getByText(/account is disabled/).waitFor(TIMEOUT);
      expect(rita.problems).toEqual([]);
    } finally {
      await rita.close();
    }
  }, 120_000);

  test('filters the audit log by the new user and shows their sign-in; the chain verifies', async ({
    admin,
  }) => {
    const { page } = admin;
    await openScreen(page, 'Audit log');
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor(TIMEOUT);
    await page.getByTestId('audit-row').first().waitFor(TIMEOUT);
    await page.getByLabel('User').selectOption({ label: `${NEW_USER.name} (${NEW_USER.username})` });
    await expect
      .poll(async () => {
        const whos = await page.getByTestId('audit-who').allInnerTexts();
        return whos.length > 0 && whos.every((w) => w === NEW_USER.name);
      }, TIMEOUT)
      .toBe(true);
    // In words, with the role, the device's name and no internal ids or JSON.
    expect(await page.getByTestId('audit-action').allInnerTexts()).toContain('Signed in');
    const row = page.getByTestId('audit-row').filter({ hasText: 'Signed in' }).first();
    expect(await row.innerText()).toContain('Receptionist');
    expect(await row.innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}|[{}"]|auth\.login/);
    expect(await row.getByTestId('audit-device').innerText()).not.toMatch(/^(browser|desktop)-[0-9a-f]/);
    expect(await axeScan(page)).toEqual([]);

    // The filtered entries as CSV, the same words and the clinic's time with its offset.
    const [download] = await Promise.all([
      page.waitForEvent('download', TIMEOUT),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^audit-log-.+\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toContain('#,When,Who,Role,What,Record,Record id,Patient,Device,Action');
    expect(csv).toMatch(new RegExp(`\\+05:30,${NEW_USER.name},Receptionist,Signed in,`));

    await page.getByLabel('Action').fill('no-such-action');
    await page.getByText('No entries').waitFor(TIMEOUT);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByTestId('audit-row').first().waitFor(TIMEOUT);

    await page.getByRole('button', { name: 'Verify chain' }).click();
    await page.getByText(/Chain intact: \d+ entries checked/).waitFor(TIMEOUT);
  }, 120_000);

  test('saves a clinic setting and shows why the time zone cannot change', async ({ admin }) => {
    const { page } = admin;
    await openScreen(page, 'Settings');
    await page.getByRole('heading', { name: 'Clinic settings', level: 1 }).waitFor(TIMEOUT);
    const form = page.getByRole('form', { name: 'Clinic settings' });
    await form.getByLabel('Clinic name').waitFor(TIMEOUT);
    expect(await axeScan(page)).toEqual([]);
    // Settings of features not built are not offered; who marks doctors' leave is.
    expect(await form.getByText('Waiting-list hold').count()).toBe(0);
    expect(await form.getByText('Patients may reschedule directly').count()).toBe(0);
    await form.getByLabel('Doctors’ leave').waitFor(TIMEOUT);

    // The companion app link (shown as a QR code on displays) must be a web link.
    const companion = form.getByLabel('Companion app link');
    await companion.fill('ftp://files.example.in/app');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await form.getByText('must be an http:// or https:// link').waitFor(TIMEOUT);
    await companion.fill('https://app.sunrise-clinic.example/book');

    const window = form.getByLabel('Cancellation window');
    const next = String(Number(await window.inputValue()) + 15);
    await window.fill(next);
    await form.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved').first().waitFor(TIMEOUT);
    await page.reload();
    await page
      .getByRole('form', { name: 'Clinic settings' })
      .getByLabel('Cancellation window')
      .waitFor(TIMEOUT);
    expect(await page.getByLabel('Cancellation window').inputValue()).toBe(next);
    expect(await page.getByLabel('Companion app link').inputValue()).toBe(
      'https://app.sunrise-clinic.example/book',
    );

    await page.getByLabel('Time zone').fill('Europe/London');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('cannot change once appointments exist').waitFor(TIMEOUT);
  }, 120_000);

  test('previews a weekly change against bookings; leave with bookings offers a bulk reschedule', async ({
    admin,
  }) => {
    const { page } = admin;
    await openScreen(page, 'Schedules');
    await page.getByRole('heading', { name: 'Schedules', level: 1 }).waitFor(TIMEOUT);
    await page.getByLabel('Doctor').selectOption({ label: 'Dr. Kavitha Iyer — Pediatrician' });
    const table = page.getByRole('table', { name: 'Weekly windows of Dr. Kavitha Iyer' });
    await table.waitFor(TIMEOUT);
    expect(await axeScan(page)).toEqual([]);

    // Without any window every upcoming booking would fall outside working time: listed, not saved.
    const removers = table.getByRole('button', { name: /^Remove .* window \d+$/ });
    expect(await removers.count()).toBeGreaterThan(0);
    while ((await removers.count()) > 0) await removers.first().click();
    await page.getByText(/booked appointments? would fall outside the new hours/).waitFor(TIMEOUT);
    const save = page.getByRole('button', { name: 'Save schedule' });
    expect(await save.isDisabled()).toBe(true);
    const firstWhen = await page.getByTestId('collision-list').locator('tbody tr td').first().innerText();
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await page.getByText(/would fall outside the new hours/).waitFor({ state: 'hidden', ...TIMEOUT });

    // Leave on that booked day: the hub lists the bookings; adding anyway offers to move them.
    const [, day, month, year] = /(\d{1,2}) (\w{3}),? (\d{4})/.exec(firstWhen)!;
    const date = new Date(`${day} ${month} ${year} UTC`).toISOString().slice(0, 10);
    const form = page.getByRole('form', { name: 'Add a date exception' });
    await form.getByLabel('Date').fill(date);
    await form.getByLabel('Reason').fill('Conference');
    await form.getByRole('button', { name: 'Add leave' }).click();
    await form.getByText('Booked appointments are affected').waitFor(TIMEOUT);
    const affected = form.getByRole('table', { name: 'Affected appointments' });
    expect(await affected.locator('tbody tr').count()).toBeGreaterThan(0);
    await form.getByRole('button', { name: 'Add anyway and reschedule them' }).click();
    const toMove = page.getByRole('region', { name: 'Appointments to move' });
    await toMove.getByTestId('move-row').first().waitFor(TIMEOUT);
    const top = (await toMove.boundingBox())!.y;
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(await page.evaluate(() => window.innerHeight));
    await page.getByTestId('exception-row').filter({ hasText: 'Conference' }).waitFor(TIMEOUT);
    // Moved without telling anyone: the screen says so.
    await toMove.getByText('Notify patients').click();
    await toMove.getByText('Nobody is messaged: call the patients yourself.').waitFor(TIMEOUT);
    const move = toMove.getByRole('button', { name: /^Move \d+ appointments?$/ });
    const count = Number(/\d+/.exec(await move.innerText())![0]);
    expect(count).toBeGreaterThan(0);
    await move.click();
    await toMove.getByText(`Moved ${count}. Nobody was messaged.`).waitFor(TIMEOUT);
  }, 180_000);

  test('edits a doctor (session length in 5-minute steps) and adds a room; a syncing desktop shows on Devices', async ({
    admin,
    hub,
    browser,
  }) => {
    const { page } = admin;
    await openScreen(page, 'Doctors & rooms');
    await page.getByRole('heading', { name: 'Doctors and rooms', level: 1 }).waitFor(TIMEOUT);
    const row = page.getByTestId('doctor-row').filter({ hasText: 'Dr. Kavitha Iyer' });
    await row.waitFor(TIMEOUT);
    expect(await axeScan(page)).toEqual([]);
    await row.getByRole('button', { name: 'Edit Dr. Kavitha Iyer' }).click();
    const form = page.getByRole('form', { name: 'Edit Dr. Kavitha Iyer' });
    await form.getByLabel('Session length (minutes)').fill('12');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('must be a multiple of 5 minutes').waitFor(TIMEOUT);
    await form.getByLabel('Session length (minutes)').fill('20');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'hidden', ...TIMEOUT });
    await expect.poll(() => row.innerText(), TIMEOUT).toContain('20 min');

    await page.getByRole('button', { name: 'New room' }).click();
    const roomForm = page.getByRole('form', { name: 'New room' });
    await roomForm.getByLabel('Name').fill('Room 9 (minor procedures)');
    await roomForm.getByLabel('Type').selectOption('procedure');
    await roomForm.getByRole('button', { name: 'Add room' }).click();
    await page.getByTestId('room-row').filter({ hasText: 'Room 9 (minor procedures)' }).waitFor(TIMEOUT);

    // A reception desktop (a real client core with its own replica) syncs with the hub.
    const desktop = await openDesktopApp(browser, hub.url, hub.url);
    try {
      await signInAs(desktop.page, 'receptionist');
      await openScreen(page, 'Devices');
      await page.getByRole('heading', { name: 'Devices', level: 1 }).waitFor(TIMEOUT);
      const device = page.getByTestId('device-row').filter({ hasText: 'Test desktop' });
      await device.waitFor(TIMEOUT);
      const cells = await device.locator('td').allInnerTexts();
      expect(cells.slice(1).map((cell) => cell.trim())).toEqual([
        'Desktop',
        "Reena D'Souza",
        expect.stringMatching(/\d{2}:\d{2}/),
        'None',
      ]);
      expect(await axeScan(page)).toEqual([]);

      // A waiting-room display for one doctor: its pairing code and link, once.
      const addDisplay = page.getByRole('form', { name: 'Add a display' });
      await addDisplay.getByLabel('Dr. Arvind Menon').check();
      await addDisplay.getByRole('button', { name: 'Add display' }).click();
      await expect.poll(() => page.getByTestId('pairing-code').innerText(), TIMEOUT).toMatch(/^[A-Z0-9]{8}$/);
      expect(await page.getByTestId('pairing-link').innerText()).toMatch(/\/display\?code=[A-Z0-9]{8}$/);
      const display = page.getByTestId('display-row').filter({ hasText: 'Waiting hall' });
      expect(await display.innerText()).toContain('Waiting for pairing');
      const byName = page
        .getByRole('table', { name: 'Displays' })
        .getByRole('columnheader', { name: 'Name' });
      await byName.getByRole('button').click();
      await expect.poll(() => byName.getAttribute('aria-sort'), TIMEOUT).toBe('ascending');
      expect(await axeScan(page)).toEqual([]);

      // Another person signs in on the same desktop: still one row for the machine, both named.
      await desktop.page.getByRole('button', { name: 'Sign out' }).click();
      await signInAs(desktop.page, 'doctor');
      await expect
        .poll(
          async () => (await device.locator('td').nth(2).innerText()).replace(/\s+/g, ' ').trim(),
          TIMEOUT,
        )
        .toBe("Dr. Arvind Menon before: Reena D'Souza");
      expect(await page.getByTestId('device-row').filter({ hasText: 'Test desktop' }).count()).toBe(1);
    } finally {
      await desktop.close();
    }

    // Browsers are devices too: named by their user agent, never by their id, until the admin names them.
    const mine = page
      .getByTestId('device-row')
      .filter({ hasText: 'Chrome on Linux' })
      .filter({ hasText: DEMO_ACCOUNTS.admin.displayName });
    await mine.waitFor(TIMEOUT);
    expect(await page.getByRole('table', { name: 'Devices' }).innerText()).not.toMatch(/browser-[0-9a-f]{8}/);
    await mine.getByRole('button', { name: 'Rename Chrome on Linux' }).click();
    const rename = page.getByRole('form', { name: 'Rename device' });
    await rename.getByLabel('Device name').fill(' ');
    await rename.getByRole('button', { name: 'Save name' }).click();
    await rename.getByText('is required').waitFor(TIMEOUT);
    await rename.getByLabel('Device name').fill('Admin office');
    await rename.getByRole('button', { name: 'Save name' }).click();
    await rename.waitFor({ state: 'hidden', ...TIMEOUT });
    await page.getByTestId('device-row').filter({ hasText: 'Admin office' }).waitFor(TIMEOUT);
    // The audit log says where the rename was done by that name.
    await openScreen(page, 'Audit log');
    await page.getByTestId('audit-row').first().waitFor(TIMEOUT);
    await expect
      .poll(() => page.getByTestId('audit-device').first().innerText(), TIMEOUT)
      .toBe('Admin office');
  }, 120_000);

  test('ran without console errors, page errors or CSP violations', ({ admin }) => {
    expect(admin.problems).toEqual([]);
  });
});
