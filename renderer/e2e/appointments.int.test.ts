import { describe, expect } from 'vitest';
import { axeScan } from '@renderer/testing/axe';
import { type AppPage, openApp } from '@renderer/testing/browser';
import { browserTest } from '@renderer/testing/browser-test';
import { signInAs } from '@renderer/testing/sign-in';

const TIMEOUT = { timeout: 30_000 };

/** One device at the hub, on its sign-in screen. */
const test = browserTest.extend('app', { scope: 'file' }, ({ hub, browser }) => openApp(browser, hub.url));

describe('staff app in browser mode: the appointment list', () => {
  test('shows the sign-in screen without accessibility problems', async ({ app }) => {
    const { page } = app;
    await page.getByRole('form', { name: 'Sign in' }).waitFor(TIMEOUT);
    expect(await page.getByText('Sunrise Family Clinic').count()).toBeGreaterThan(0);
    expect(await axeScan(page)).toEqual([]);
  }, 300_000); // also starts the hub (the run's first browser file waits for the demo seeding) and the browser

  test('signs the receptionist in; the status bar says online', async ({ app }) => {
    const { page } = app;
    await signInAs(page, 'receptionist');
    await expect.poll(() => page.getByTestId('connection-state').innerText(), TIMEOUT).toBe('Online');
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const item of ['Today', 'Book', 'Patients', 'Queue', 'Appointments', 'Billing', 'Schedules']) {
      expect(await nav.getByRole('link', { name: item, exact: true }).count(), item).toBe(1);
    }
    expect(await page.getByTestId('current-user').innerText()).toContain("Reena D'Souza");
  }, 60_000);

  test('filters the appointments by doctor', async ({ app }) => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Appointments' }).click();
    await page.getByRole('heading', { name: 'Appointments', level: 1 }).waitFor(TIMEOUT);
    await page.getByRole('button', { name: 'All dates' }).click();
    await page.getByLabel('Doctor').selectOption({ label: 'Dr. Kavitha Iyer — Pediatrician' });
    await expect.poll(() => page.url(), TIMEOUT).toContain('doctor=');
    const rows = page.getByTestId('appointment-row');
    await expect
      .poll(async () => {
        const doctors = await rows.locator('td:nth-child(4)').allInnerTexts();
        return doctors.length > 0 && doctors.every((d) => d === 'Dr. Kavitha Iyer');
      }, TIMEOUT)
      .toBe(true);
    expect(await axeScan(page)).toEqual([]);
  }, 60_000);

  test('keeps both of two filter changes made before the screen re-renders (a quick second click)', async ({
    app,
  }) => {
    const { page } = app;
    await page.getByLabel('Doctor').selectOption({ label: 'All doctors' });
    await expect.poll(() => page.url(), TIMEOUT).not.toContain('doctor=');
    // Both changes in one task: React has not re-rendered between them.
    await page.evaluate(() => {
      const choose = (label: string, value: string) => {
        const select = [...document.querySelectorAll('select')].find(
          (s) => s.labels?.[0]?.textContent?.trim() === label,
        )!;
        const option = [...select.options].find((o) => o.text.startsWith(value))!;
        Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(
          select,
          option.value,
        );
        select.dispatchEvent(new Event('change', { bubbles: true }));
      };
      choose('Doctor', 'Dr. Kavitha Iyer');
      choose('Status', 'Completed');
    });
    await expect.poll(() => page.url(), TIMEOUT).toContain('status=COMPLETED');
    expect(page.url()).toContain('doctor=');
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'All statuses' });
    await page.getByLabel('Doctor').selectOption({ label: 'All doctors' });
    await expect.poll(() => page.url(), TIMEOUT).not.toMatch(/status=|doctor=/);
  }, 60_000);

  test('sorts by a clicked header (aria-sort) and moves between rows with the keyboard (the app’s DataTable)', async ({
    app,
  }) => {
    const { page } = app;
    const table = page.getByRole('table', { name: 'Appointments' });
    await expect.poll(() => table.getAttribute('aria-busy'), TIMEOUT).toBe('false');
    const rows = page.getByTestId('appointment-row');
    await rows.nth(1).waitFor(TIMEOUT);
    const when = table.getByRole('columnheader', { name: 'When' });
    const sortWhen = when.getByRole('button', { name: 'When' });
    // One read of every row's start, so a refetch cannot mix two lists.
    const starts = () =>
      rows.evaluateAll((trs) => trs.map((tr) => Date.parse(tr.getAttribute('data-starts-at') ?? '')));
    const inOrder = (list: number[], dir: 1 | -1) =>
      list.length > 1 && list.every((t, i) => i === 0 || (t - list[i - 1]!) * dir >= 0);

    expect(await when.getAttribute('aria-sort')).toBeNull();
    await sortWhen.click();
    await expect.poll(() => when.getAttribute('aria-sort'), TIMEOUT).toBe('ascending');
    expect(inOrder(await starts(), 1)).toBe(true);
    await sortWhen.click();
    await expect.poll(() => when.getAttribute('aria-sort'), TIMEOUT).toBe('descending');
    expect(inOrder(await starts(), -1)).toBe(true);
    expect(await axeScan(page)).toEqual([]);
    await sortWhen.click(); // back to the list's own order
    await expect.poll(() => when.getAttribute('aria-sort'), TIMEOUT).toBeNull();

    // The body is one tab stop: ↓ moves to the next row, Enter opens it.
    const isFocused = (row: ReturnType<typeof rows.nth>) =>
      row.evaluate((tr) => tr === document.activeElement);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('tabindex')).join())).toMatch(
      /^0(,-1)+$/,
    );
    await rows.first().focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => isFocused(rows.nth(1)), TIMEOUT).toBe(true);
    await page.keyboard.press('End');
    await expect.poll(() => isFocused(rows.last()), TIMEOUT).toBe(true);
    await page.keyboard.press('Home');
    await expect.poll(() => isFocused(rows.first()), TIMEOUT).toBe(true);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => isFocused(rows.nth(1)), TIMEOUT).toBe(true);
    const number = (await rows.nth(1).locator('td').nth(1).innerText()).trim();
    await page.keyboard.press('Enter');
    const drawer = page.getByTestId('appointment-drawer');
    await drawer.getByRole('heading', { name: `Appointment ${number}` }).waitFor(TIMEOUT);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden', ...TIMEOUT });
  }, 60_000);

  test('finds an appointment by patient name and shows its history in the drawer', async ({ app }) => {
    const { page } = app;
    // Number and name read in one go: a refetch between two reads may reorder the rows.
    // The poll keeps the cells it checked: the first row may be replaced (a refetch after the
    // filters were cleared) by one whose patient name is still loading.
    // Rows of the cleared filters, not the previous filters' still shown while these load.
    const table = page.getByRole('table', { name: 'Appointments' });
    await expect.poll(() => table.getAttribute('aria-busy'), TIMEOUT).toBe('false');
    const first = page.getByTestId('appointment-row').first();
    let cells: string[] = [];
    await expect
      .poll(async () => {
        cells = await first.locator('td').allInnerTexts();
        return /^\S.*\S/.test(cells[2] ?? '') && !cells[2]!.startsWith('…');
      }, TIMEOUT)
      .toBe(true);
    const number = cells[1]!.trim();
    const patientName = cells[2]!.split('\n')[0]!.trim();

    await page.getByRole('searchbox', { name: /search appointments/i }).fill(patientName);
    await expect.poll(() => page.url(), TIMEOUT).toContain('q=');
    // Words match as prefixes, so a longer name ("Kumaran" for "Kumar") may also be listed.
    const words = patientName.toLowerCase().split(/\s+/);
    const matches = (name: string) => {
      const shown = name.toLowerCase().split(/\s+/);
      return words.every((w) => shown.some((s) => s.startsWith(w)));
    };
    const patientCells = page.getByTestId('appointment-row').locator('td:nth-child(3) p:first-child');
    // The unfiltered rows stay on screen until the search's answer replaces them, and the searched
    // appointment is among them: wait for the answer before reading the list.
    await expect
      .poll(async () => {
        const names = await patientCells.allInnerTexts();
        return names.length > 0 && names.every(matches);
      }, TIMEOUT)
      .toBe(true);
    const found = page.getByTestId('appointment-row').filter({ hasText: number });
    await found.waitFor(TIMEOUT).catch(async (error: unknown) => {
      // What the screen showed instead: this step has failed rarely, for a reason not yet found.
      const shown = await page.getByTestId('appointment-row').allInnerTexts();
      throw new Error(
        `${number} of “${patientName}” not listed at ${page.url()}; rows: ${JSON.stringify(shown)}`,
        {
          cause: error,
        },
      );
    });
    for (const p of await patientCells.allInnerTexts()) expect(matches(p), p).toBe(true);

    await found.click();
    const drawer = page.getByTestId('appointment-drawer');
    await drawer.getByRole('heading', { name: `Appointment ${number}` }).waitFor(TIMEOUT);
    const history = drawer.getByTestId('appointment-history');
    await history.waitFor(TIMEOUT);
    expect(await history.innerText()).toMatch(/Booked as (Requested|Confirmed)/);
    expect(await drawer.innerText()).toContain(patientName);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden', ...TIMEOUT });
  }, 60_000);

  test('toggles dark mode and remembers it after a reload', async ({ app }) => {
    const { page } = app;
    const isDark = () => page.evaluate(() => document.documentElement.classList.contains('dark'));
    expect(await isDark()).toBe(false);
    await page.getByTestId('color-mode-toggle').click();
    await expect.poll(isDark, TIMEOUT).toBe(true);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe('rgb(250, 250, 250)');
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).waitFor(TIMEOUT); // the session survives a reload
    expect(await isDark()).toBe(true);
    await page.getByTestId('color-mode-toggle').click();
    await expect.poll(isDark, TIMEOUT).toBe(false);
  }, 60_000);

  test('offers each role only the actions the hub accepts: a nurse none, a doctor none on another doctor’s patient', async ({
    hub,
    browser,
  }) => {
    const openConfirmedOf = async (page: AppPage['page'], doctor: string) => {
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Appointments' })
        .click();
      await page.getByLabel('Doctor').selectOption({ label: doctor });
      await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Confirmed' });
      await page.getByRole('button', { name: 'All dates' }).click();
      await expect.poll(() => page.url(), TIMEOUT).toContain('status=CONFIRMED&from=&to=');
      // The field shows the cleared date before it is typed in: typing the date it still showed
      // (the last visit of this list was also from tomorrow) would change nothing.
      await expect.poll(() => page.getByLabel('From', { exact: true }).inputValue(), TIMEOUT).toBe('');
      // From tomorrow: what a past visit's drawer offers depends on its time (by the hub's clock).
      const tomorrow = Date.now() + 86_400_000;
      const zone = { timeZone: 'Asia/Kolkata' };
      await page
        .getByLabel('From', { exact: true })
        .fill(new Intl.DateTimeFormat('en-GB', zone).format(tomorrow)); // the clinic's dd/mm/yyyy
      await expect
        .poll(() => page.url(), TIMEOUT)
        .toContain(new Intl.DateTimeFormat('en-CA', zone).format(tomorrow));
      // A row of these filters (from tomorrow), not of the previous ones still shown while these
      // load; clicked by its number, as the rows may re-render in between.
      const fromTomorrow = Date.parse(
        `${new Intl.DateTimeFormat('en-CA', zone).format(tomorrow)}T00:00+05:30`,
      );
      const first = page.getByTestId('appointment-row').first();
      let number = '';
      await expect
        .poll(async () => {
          const [startsAt, cells] = [
            await first.getAttribute('data-starts-at'),
            await first.locator('td').allInnerTexts(),
          ];
          number = (cells[1] ?? '').trim();
          return (
            Date.parse(startsAt ?? '') >= fromTomorrow && (cells[3] ?? '').includes(doctor.split(' — ')[0]!)
          );
        }, TIMEOUT)
        .toBe(true);
      await page.getByTestId('appointment-row').filter({ hasText: number }).click();
      // The drawer of this row (not one still closing from before).
      const drawer = page
        .getByTestId('appointment-drawer')
        .filter({ has: page.getByRole('heading', { name: `Appointment ${number}` }) });
      await drawer.getByText('Confirmed', { exact: true }).first().waitFor(TIMEOUT);
      return drawer;
    };
    const actions = (drawer: ReturnType<AppPage['page']['getByTestId']>) =>
      drawer.getByRole('group', { name: 'Appointment actions' }).getByRole('button').allInnerTexts();

    const nurse = await openApp(browser, hub.url);
    await signInAs(nurse.page, 'nurse');
    const seenByNurse = await openConfirmedOf(nurse.page, 'Dr. Kavitha Iyer — Pediatrician');
    expect(await actions(seenByNurse)).toEqual([]);
    expect(await seenByNurse.getByRole('heading', { name: 'History' }).count()).toBe(0);
    expect(await seenByNurse.getByRole('alert').count()).toBe(0); // nothing refused on the way

    const doctor = await openApp(browser, hub.url);
    await signInAs(doctor.page, 'doctor'); // Dr. Arvind Menon
    const othersPatient = await openConfirmedOf(doctor.page, 'Dr. Kavitha Iyer — Pediatrician');
    await othersPatient.getByTestId('appointment-history').waitFor(TIMEOUT);
    expect(await actions(othersPatient)).toEqual([]);
    await doctor.page.keyboard.press('Escape');
    await doctor.page.getByTestId('appointment-drawer').waitFor({ state: 'detached', ...TIMEOUT });
    const ownPatient = await openConfirmedOf(doctor.page, 'Dr. Arvind Menon — General Physician');
    await expect
      .poll(() => actions(ownPatient), TIMEOUT)
      .toEqual(expect.arrayContaining(['Reschedule', 'Cancel appointment']));
    // No-show only once the visit has started by the hub's clock; before that the drawer says when.
    const laterHint = await ownPatient.getByTestId('no-show-later').count();
    expect((await actions(ownPatient)).includes('No-show')).toBe(laterHint === 0);
    expect([...nurse.problems, ...doctor.problems]).toEqual([]);
    await nurse.close();
    await doctor.close();
  }, 120_000);

  test('ran without console errors, page errors or CSP violations', ({ app }) => {
    expect(app.problems).toEqual([]);
  });
});
