import type { Locator } from 'playwright-core';
import { describe, expect } from 'vitest';
import { axeScan } from '@renderer/testing/axe';
import { openApp } from '@renderer/testing/browser';
import { browserTest } from '@renderer/testing/browser-test';
import { signInAs } from '@renderer/testing/sign-in';
import {
  chooseFirstSlot,
  confirmBooking,
  openBookingWithFreeSlot,
  quickRegister,
  showBoardFor,
  UI_TIMEOUT,
  uniqueName,
} from '@renderer/testing/booking-steps';

const test = browserTest.extend('app', { scope: 'file' }, async ({ hub, browser }) => {
  // A browser in American English at an Indian clinic: dates follow the clinic (en-IN, dd/mm/yyyy).
  const app = await openApp(browser, hub.url, { locale: 'en-US' });
  await signInAs(app.page, 'receptionist');
  return app;
});

describe('reception: Today board, booking with quick registration and slip, patients', () => {
  const name = uniqueName('Meera');
  const phone = `+91 98${String(Date.now() % 100000000).padStart(8, '0')}`;
  let booked: { number: string; date: string; doctor: string; time: string };

  test('opens on the Today board: every active doctor in a column, without accessibility problems', async ({
    app,
  }) => {
    const { page } = app;
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor(UI_TIMEOUT);
    await page.getByTestId('today-board').waitFor(UI_TIMEOUT);
    expect(await page.getByTestId('doctor-column').count()).toBeGreaterThan(1);
    expect(await axeScan(page)).toEqual([]);
  }, 300_000); // also starts the hub and the browser (file fixtures)

  test('shows the fifth doctor’s column at 1366×768, or a visible way to scroll to it', async ({
    hub,
    browser,
  }) => {
    const laptop = await openApp(browser, hub.url, { viewport: { width: 1366, height: 768 } });
    try {
      const { page } = laptop;
      await signInAs(page, 'receptionist');
      const columns = page.getByTestId('doctor-column');
      await columns.nth(4).waitFor(UI_TIMEOUT);
      const main = (await page.locator('#main').boundingBox())!;
      const fifth = (await columns.nth(4).boundingBox())!;
      const fits = fifth.x >= main.x && fifth.x + fifth.width <= main.x + main.width;
      const hint = page.getByTestId('board-scroll-hint');
      const scrollable =
        (await hint.isVisible()) && (await hint.getByRole('button', { name: /More doctors/ }).isVisible());
      expect({ fits, scrollable }).not.toEqual({ fits: false, scrollable: false });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    } finally {
      await laptop.close();
    }
  }, 120_000);

  test('Alt+N and Alt+C put the cursor in the screen’s first field, so the receptionist types at once', async ({
    app,
  }) => {
    const { page } = app;
    const isFocused = (locator: Locator) => locator.evaluate((field) => field === document.activeElement);
    await page.keyboard.press('Alt+c');
    await page.getByRole('heading', { name: 'Queue and check-in', level: 1 }).waitFor(UI_TIMEOUT);
    const find = page.getByRole('searchbox', { name: 'Find today’s appointment' });
    await expect.poll(() => isFocused(find), UI_TIMEOUT).toBe(true);
    await page.keyboard.type('PAT');
    expect(await find.inputValue()).toBe('PAT');

    await page.keyboard.press('Alt+n');
    await page.getByRole('heading', { name: 'Book an appointment', level: 1 }).waitFor(UI_TIMEOUT);
    const doctor = page.getByRole('combobox', { name: 'Doctor', exact: true });
    await expect.poll(() => isFocused(doctor), UI_TIMEOUT).toBe(true);
  }, 120_000);

  test('books a newly registered patient (Alt+N → doctor → date → slot → quick registration → confirm) and shows the slip', async ({
    app,
  }) => {
    const { page } = app;
    const { date, doctor } = await openBookingWithFreeSlot(page);
    const time = await chooseFirstSlot(page);
    expect(await axeScan(page)).toEqual([]);
    await quickRegister(page, name, phone);
    await page.getByRole('radio', { name: 'Follow-up' }).check({ force: true });
    // The form checks its fields before the hub does; the problem shows on the field it names.
    const note = page.getByRole('textbox', { name: 'Note (optional)' });
    await note.fill('Bring old reports\u0007');
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    await note.and(page.locator('[aria-invalid="true"][aria-errormessage]')).waitFor(UI_TIMEOUT);
    const message = await note.evaluate(
      (field) => document.getElementById(field.getAttribute('aria-errormessage')!)?.textContent,
    );
    expect(message).toBe('must not contain control characters');
    expect(await page.getByRole('heading', { name: 'Book an appointment', level: 1 }).count()).toBe(1);
    await note.fill('Bring old reports');
    await note.and(page.locator(':not([aria-invalid="true"])')).waitFor(UI_TIMEOUT);
    const number = await confirmBooking(page);
    expect(number).toMatch(/^A-\d{4}-\d{6,}$/);
    booked = { number, date, doctor: doctor.split(' — ')[0]!, time };

    const frame = page.getByTestId('pdf-frame');
    await frame.waitFor(UI_TIMEOUT);
    expect(await frame.getAttribute('src')).toMatch(/^blob:/);
    expect(await frame.getAttribute('title')).toBe('Appointment slip');
    await page.getByRole('button', { name: 'Print' }).waitFor(UI_TIMEOUT);
    expect(await page.getByRole('link', { name: 'Download' }).getAttribute('download')).toMatch(/\.pdf$/);
    expect(await page.getByText(name).count()).toBeGreaterThan(0);
    expect(await axeScan(page, { exclude: ['[data-testid="pdf-frame"]'] })).toEqual([]);
  }, 300_000);

  test('the booked appointment is on the Today board of its date, in its doctor’s column; the drawer opens', async ({
    app,
  }) => {
    const { page } = app;
    await showBoardFor(page, booked.date);
    const column = page.getByTestId('doctor-column').filter({ hasText: booked.doctor });
    const card = column.getByTestId('board-appointment').filter({ hasText: booked.number });
    await card.waitFor(UI_TIMEOUT);
    expect(await card.innerText()).toContain(name);
    expect(await card.innerText()).toContain(booked.time);
    await card.click();
    const drawer = page.getByTestId('appointment-drawer');
    await drawer.getByRole('heading', { name: `Appointment ${booked.number}` }).waitFor(UI_TIMEOUT);
    expect(await drawer.innerText()).toContain('Bring old reports');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden', ...UI_TIMEOUT });
  }, 120_000);

  test('a free slot on the board opens Book prefilled with that doctor and time; taken meanwhile, Book offers the next free times', async ({
    app,
  }) => {
    const { page } = app;
    const free = page.getByTestId('free-slot').first();
    if ((await free.count()) === 0) return; // the day may be fully booked; nothing to prefill then
    const doctor = await free.getAttribute('data-doctor');
    const time = await free.getAttribute('data-time');
    await free.click();
    await page.getByRole('heading', { name: 'Book an appointment', level: 1 }).waitFor(UI_TIMEOUT);
    await expect
      .poll(() => page.getByTestId('booking-summary').innerText(), UI_TIMEOUT)
      .toContain(`${doctor} ·`);
    expect(await page.getByTestId('booking-summary').innerText()).toContain(`at ${time}`);

    // Another booking takes that time first; Book opened on it again (its link) is refused, and
    // offers the doctor's next free times (never the taken one): one click chooses it.
    const prefilled = page.url();
    await quickRegister(page, uniqueName('Tara'), `+91 97${String(Date.now() % 100000000).padStart(8, '0')}`);
    await confirmBooking(page);
    await page.goto(prefilled);
    const summary = page.getByTestId('booking-summary');
    await expect.poll(() => summary.innerText(), UI_TIMEOUT).toContain(`at ${time}`);
    await page.getByRole('combobox', { name: 'Find patient' }).fill(name);
    await page.getByTestId('patient-option').filter({ hasText: name }).first().click();
    await page.getByTestId('chosen-patient').getByText(name).waitFor(UI_TIMEOUT);
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    await page.getByRole('alert').filter({ hasText: 'That slot was just taken' }).waitFor(UI_TIMEOUT);
    const choices = page.getByRole('list', { name: 'Next free times' }).getByRole('button');
    await choices.first().waitFor(UI_TIMEOUT);
    expect(await choices.allInnerTexts()).not.toContain(time);
    const next = (await choices.first().innerText()).match(/\d\d:\d\d/g)!.at(-1)!;
    await choices.first().click();
    await expect.poll(() => summary.innerText(), UI_TIMEOUT).toContain(`at ${next}`);
    expect(await page.getByRole('list', { name: 'Next free times' }).count()).toBe(0);
  }, 120_000);

  test('finds the new patient on Patients by code prefix and phone; the profile shows the appointment', async ({
    app,
  }) => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
    const search = page.getByRole('searchbox', { name: /search patients/i });
    await search.fill(name.split(' ')[1]!.slice(0, 6));
    const row = page.getByTestId('patient-row').filter({ hasText: name });
    await row.waitFor(UI_TIMEOUT);
    // Registered with an age only: an estimate, never shown as a real date of birth (1 January).
    expect(await row.innerText()).toContain('about 34');
    expect(await row.innerText()).not.toMatch(/01\/01|-01-01/);
    expect(await axeScan(page)).toEqual([]);
    await row.getByRole('link', { name }).click();
    await page.getByRole('heading', { name, level: 1 }).waitFor(UI_TIMEOUT);
    const appointments = page.getByRole('region', { name: 'Appointments' });
    await appointments.getByText(booked.number).waitFor(UI_TIMEOUT);
    const demographics = await page.getByRole('region', { name: 'Demographics' }).innerText();
    expect(demographics).toContain(phone);
    expect(demographics).toContain('about 34 years (estimated)');
    expect(demographics).not.toContain('1 Jan');
    // Nobody asked about allergies at the desk: not recorded, which is not "none known".
    const medical = await page.getByRole('region', { name: 'Allergies and conditions' }).innerText();
    expect(medical).toContain('Not recorded');
    expect(medical).not.toContain('No known allergies');
    expect(await axeScan(page)).toEqual([]);
    await page.getByRole('link', { name: 'Book for this patient' }).click();
    const chosen = page.getByTestId('chosen-patient');
    await chosen.getByText(name).waitFor(UI_TIMEOUT);
    expect(await chosen.innerText()).toContain('about 34');
  }, 120_000);

  test('registers with every demographic after a duplicate warning (same name and phone), then edits', async ({
    app,
    hub,
  }) => {
    const { page } = app;
    await page.goto(`${hub.url}/patients/new`);
    const form = page.getByRole('form', { name: 'Register a patient' });
    await form.getByLabel('Full name').fill(name);
    await form.getByLabel('Phone', { exact: true }).fill(phone);
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    const birth = form.getByLabel('Date of birth');
    expect(await birth.getAttribute('placeholder')).toBe('dd/mm/yyyy');
    await birth.fill('31/02/1990');
    await form.getByLabel('Email').fill('meera@example.org');
    await form
      .getByText('Date of birth: 31/02/1990 is not a date in the calendar (dd/mm/yyyy)')
      .waitFor(UI_TIMEOUT);
    await birth.fill('7.12.1990'); // 7 December, in the clinic's order
    await birth.blur();
    expect(await birth.inputValue()).toBe('07/12/1990');
    await form.getByRole('combobox', { name: 'Blood group' }).selectOption('B+');
    await form.getByLabel('Address').fill('12 Lake Road');
    await form.getByRole('textbox', { name: 'Allergies' }).fill('Penicillin, Sulfa');
    await form.getByLabel('Chronic conditions').fill('Asthma');
    // Or picked from the calendar: the field shows the day picked in the clinic's format.
    await form.getByRole('button', { name: 'Open calendar' }).nth(1).click(); // "Valid until"
    const day = page
      .locator(
        '[data-part="table-cell-trigger"][data-view="day"]:not([data-disabled]):not([data-outside-range])',
      )
      .last();
    const picked = (await day.getAttribute('data-value'))!;
    await day.click();
    expect(await form.getByLabel('Valid until').inputValue()).toBe(picked.split('-').reverse().join('/'));
    await form.getByLabel('Insurance provider').fill('Star Health');
    await form.getByLabel('Policy number').fill('SH-77');
    await form.getByLabel('Contact name').fill('Ravi');
    await form.getByLabel('Contact phone').fill('+91 9000000001');
    await form.getByRole('button', { name: 'Register patient' }).click();
    const warning = page.getByTestId('duplicate-warning');
    await warning.waitFor(UI_TIMEOUT);
    expect(await warning.innerText()).toContain(name);
    expect(await axeScan(page)).toEqual([]);
    await warning.getByRole('button', { name: 'Register as a new patient anyway' }).click();
    await page.getByRole('heading', { name, level: 1 }).waitFor(UI_TIMEOUT);
    const medical = page.getByRole('region', { name: 'Allergies and conditions' });
    for (const item of ['Penicillin', 'Sulfa', 'Asthma']) await medical.getByText(item).waitFor(UI_TIMEOUT);
    const demographics = await page.getByRole('region', { name: 'Demographics' }).innerText();
    expect(demographics).toContain('Star Health · SH-77');
    expect(demographics).toMatch(/Fri, 7 Dec,? 1990/); // 7 December, not 12 July

    await page.getByRole('link', { name: 'Edit details' }).click();
    const edit = page.getByRole('form', { name: 'Edit patient' });
    expect(await edit.getByLabel('Date of birth').inputValue()).toBe('07/12/1990');
    await edit.getByLabel('Address').fill('14 Lake Road');
    await edit.getByLabel('Email').fill('not-an-email');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.getByText('must be an email address').waitFor(UI_TIMEOUT);
    await edit.getByLabel('Email').fill('meera@example.org');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name, level: 1 }).waitFor(UI_TIMEOUT);
    await page.getByRole('region', { name: 'Demographics' }).getByText('14 Lake Road').waitFor(UI_TIMEOUT);

    // Asked and none known: recorded as such, shown apart from "not recorded".
    await page.getByRole('link', { name: 'Edit details' }).click();
    await edit.getByRole('textbox', { name: 'Allergies' }).fill('');
    await edit.getByText('Asked: no known allergies').click();
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name, level: 1 }).waitFor(UI_TIMEOUT);
    await medical.getByText('No known allergies').waitFor(UI_TIMEOUT);
    expect(await medical.innerText()).not.toContain('Penicillin');
  }, 180_000);

  test('ran without console errors, page errors or CSP violations', ({ app }) => {
    expect(app.problems).toEqual([]);
  });
});
