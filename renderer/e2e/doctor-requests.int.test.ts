import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Locator, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { axeScan } from '@renderer/testing/axe';
import { openScreen } from '@renderer/testing/browser';
import { browserTest } from '@renderer/testing/browser-test';
import { startDemoHub } from '@renderer/testing/demo-hub';
import { clinicDate, instantToLocal } from '@shared/rules/zoned-time';
import { showBoardFor, uniqueName } from '@renderer/testing/booking-steps';
import { type AppPatient, appPatient } from '@renderer/testing/patient-app-steps';
import { bookRequest, setBookingConfirmation } from '@renderer/testing/requests-steps';

const TIMEOUT = { timeout: 30_000 };
const DOCTOR = 'Dr. Arvind Menon'; // the demo's doctor account, dr.menon
const REASON = 'Please see Dr. Iyer for this; I am away that week';
const COLLEAGUE = 'Dr. Nisha Rao';

/** A second general physician with Dr. Menon's hours (the demo has one doctor per specialization). */
function addColleague(dataDir: string): void {
  const db = new BetterSqlite3(join(dataDir, 'clinic.db'));
  try {
    db.transaction(() => {
      const menon = db.prepare('SELECT * FROM doctors WHERE fullName = ?').get(DOCTOR) as { id: string };
      const colleagueId = randomUUID();
      db.prepare(
        `INSERT INTO doctors (id, fullName, specialization, qualification, registrationNumber, fees,
           sessionMinutes, bufferOverride, tokenPrefix, active)
         SELECT ?, ?, specialization, qualification, 'KMC-77001', fees, sessionMinutes,
           bufferOverride, 'N', 1 FROM doctors WHERE id = ?`,
      ).run(colleagueId, COLLEAGUE, menon.id);
      db.prepare(
        `INSERT INTO weekly_windows (id, doctorId, weekday, start, "end", roomId)
         SELECT lower(hex(randomblob(4))) || '-0000-4000-8000-' || lower(hex(randomblob(6))), ?, weekday, start, "end", NULL
         FROM weekly_windows WHERE doctorId = ?`,
      ).run(colleagueId, menon.id);
    })();
  } finally {
    db.close();
  }
}

/** A hub with a colleague for Dr. Menon; admin, reception and doctor each on their own device. */
const test = browserTest
  // eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's needs from its destructuring
  .extend('hub', { scope: 'file' }, async ({}, { onCleanup }) => {
    // movableClock: a hub that also takes the patient app's calls (demo-hub.ts callAsApp).
    const hub = await startDemoHub({ prepare: addColleague, movableClock: true });
    onCleanup(() => hub.stop());
    return hub;
  })
  .extend('admin', { scope: 'file' }, ({ signedIn }) => signedIn('admin'))
  .extend('reception', { scope: 'file' }, ({ signedIn }) => signedIn('receptionist'))
  // The doctor signs in last, after admin and reception, as before: all three are open from the first test.
  .extend('doctor', { scope: 'file' }, ({ signedIn, admin, reception }) => {
    void [admin, reception];
    return signedIn('doctor');
  });

/** Whether the top of an element shows in the window (not below the fold). */
async function inView(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const height = await page.evaluate(() => window.innerHeight);
  return box !== null && box.y >= 0 && box.y < height;
}

/** Opens an appointment from the Appointments list, searched by its number, and returns its drawer. */
async function openAppointment(page: Page, number: string) {
  await openScreen(page, 'Appointments');
  await page.getByRole('heading', { name: 'Appointments', level: 1 }).waitFor(TIMEOUT);
  await page.getByRole('button', { name: 'All dates' }).click();
  await page.getByRole('searchbox', { name: /search appointments/i }).fill(number);
  const row = page.getByTestId('appointment-row').filter({ hasText: number });
  await row.waitFor(TIMEOUT);
  await row.click();
  const drawer = page.getByTestId('appointment-drawer');
  await drawer.getByRole('heading', { name: `Appointment ${number}` }).waitFor(TIMEOUT);
  return drawer;
}

/**
 * Where the clinic confirms bookings (docs/product.md §4 policy), reception's booking starts REQUESTED and
 * waits on the doctor's Requests screen: the doctor confirms one and declines one with a reason
 * (docs/product.md §5). Admin, reception and doctor each in their own browser context (three desktops).
 */
describe('doctor: booking requests, confirmed or declined', () => {
  const requests: { number: string; name: string }[] = [];

  test('with no requests, the Requests screen says the clinic confirms bookings at once', async ({
    doctor,
  }) => {
    const { page } = doctor;
    await openScreen(page, 'Requests');
    await page.getByRole('heading', { name: 'Requests', level: 1 }).waitFor(TIMEOUT);
    await page.getByText('No requests waiting').waitFor(TIMEOUT);
    await page.getByText('The clinic confirms bookings at once').waitFor(TIMEOUT);
  }, 300_000); // also starts the hub, the browser and the three desks (file fixtures)

  test('admin turns on "Bookings need staff confirmation"', async ({ admin }) => {
    await setBookingConfirmation(admin.page, true);
    await admin.page.reload();
    const setting = admin.page.getByRole('checkbox', { name: 'Bookings need staff confirmation' });
    await setting.waitFor({ state: 'attached', ...TIMEOUT });
    expect(await setting.isChecked()).toBe(true);
  }, 120_000);

  test("reception's bookings now start as requests and say so", async ({ reception }) => {
    for (const first of ['Kiran', 'Deepa']) {
      const name = uniqueName(first);
      requests.push({ number: await bookRequest(reception.page, DOCTOR, name), name });
    }
  }, 300_000);

  test('both requests appear on the doctor’s Requests screen without a reload', async ({ doctor }) => {
    const { page } = doctor;
    for (const { number, name } of requests) {
      const row = page.getByTestId('request-row').filter({ hasText: number });
      await row.waitFor(TIMEOUT);
      await expect.poll(() => row.innerText(), TIMEOUT).toContain(name);
    }
    expect(await axeScan(page)).toEqual([]);
  }, 120_000);

  test('Confirm confirms the first; it leaves the list', async ({ doctor }) => {
    const { page } = doctor;
    const { number } = requests[0]!;
    await page.getByRole('button', { name: `Confirm ${number}` }).click();
    await page.getByText(`${number} confirmed`).first().waitFor(TIMEOUT);
    await page
      .getByTestId('request-row')
      .filter({ hasText: number })
      .waitFor({ state: 'detached', ...TIMEOUT });
  }, 120_000);

  test('Decline asks for a reason, names the field when it is empty, then cancels the request', async ({
    doctor,
  }) => {
    const { page } = doctor;
    const { number } = requests[1]!;
    await page.getByRole('button', { name: `Decline ${number}` }).click();
    const dialog = page.getByRole('dialog', { name: `Decline ${number}?` });
    await dialog.waitFor(TIMEOUT);
    // How the patient learns of it: the channels the hub's messages will use, or "tell them yourself".
    await expect
      .poll(() => dialog.getByTestId('decline-notice').innerText(), TIMEOUT)
      .toMatch(
        /^The appointment is cancelled\. (The patient is sent your reason by (SMS|e-mail)( and e-mail)? \(and in the patient app if they use it\)\.|The patient has no phone or e-mail the clinic may message, so please tell them yourself)/,
      );
    await dialog.getByRole('button', { name: 'Decline', exact: true }).click();
    await dialog.getByText('give a reason (at least 3 characters)').waitFor(TIMEOUT);
    expect(await dialog.getByRole('textbox', { name: 'Reason' }).getAttribute('aria-invalid')).toBe('true');
    expect(await axeScan(page)).toEqual([]);
    await dialog.getByLabel('Reason').fill(REASON);
    await dialog.getByRole('button', { name: 'Decline', exact: true }).click();
    await dialog.waitFor({ state: 'hidden', ...TIMEOUT });
    await page.getByText(`${number} declined`).first().waitFor(TIMEOUT);
    await page.getByText('No requests waiting').waitFor(TIMEOUT);
  }, 120_000);

  test("reception sees the doctor's answers in each appointment's history", async ({ reception }) => {
    const { page } = reception;
    const confirmed = await openAppointment(page, requests[0]!.number);
    const history = confirmed.getByTestId('appointment-history');
    await expect.poll(() => history.innerText(), TIMEOUT).toContain('Requested → Confirmed');
    expect(await history.innerText()).toContain(`by ${DOCTOR}`);
    await page.keyboard.press('Escape');
    await confirmed.waitFor({ state: 'hidden', ...TIMEOUT });

    const declined = await openAppointment(page, requests[1]!.number);
    const text = () => declined.getByTestId('appointment-history').innerText();
    await expect.poll(text, TIMEOUT).toContain('Requested → Cancelled');
    expect(await text()).toContain(REASON);
    expect(await text()).toContain(`by ${DOCTOR}`);
  }, 120_000);

  // Issue 19: what a patient does in the app shows on the desks at once, marked "Patient app".
  let app: AppPatient;
  let booked: { id: string; number: string };
  let asked: { start: string; localTime: string };

  test('a booking made in the patient app appears on the Today board and in the Requests, marked "Patient app", without a reload', async ({
    hub,
    reception,
    doctor,
  }) => {
    const phone = `+91 97${String(Date.now() % 100000000).padStart(8, '0')}`;
    app = await appPatient(hub, uniqueName('Farah'), phone);
    const doctorId = (await app.call<{ id: string; fullName: string }[]>('doctors.list', {})).find(
      (d) => d.fullName === DOCTOR,
    )!.id;
    const day = (zone: string, days: number) =>
      clinicDate(new Date(Date.now() + days * 86_400_000).toISOString(), zone);
    const days = await app.call<{ date: string; slots: { start: string; localTime: string }[] }[]>(
      'slots.list',
      {
        doctorId,
        fromDate: day('Asia/Kolkata', 1),
        toDate: day('Asia/Kolkata', 14),
      },
    );
    const free = days.find((d) => d.slots.length >= 2)!;
    asked = free.slots.at(-1)!;
    await reception.page.keyboard.press('Escape'); // the previous step's appointment drawer
    await reception.page.getByTestId('appointment-drawer').waitFor({ state: 'hidden', ...TIMEOUT });
    await showBoardFor(reception.page, free.date);
    const column = reception.page.getByTestId('doctor-column').filter({ hasText: DOCTOR });
    await column.waitFor(TIMEOUT);

    const { appointment } = await app.call<{ appointment: { id: string; number: string } }>(
      'appointments.book',
      {
        id: randomUUID(),
        patientId: app.patientId,
        doctorId,
        startsAt: free.slots[0]!.start,
        note: 'Booked in the app',
      },
    );
    booked = appointment;
    const card = column.getByTestId('board-appointment').filter({ hasText: booked.number });
    await card.getByTestId('app-channel').waitFor(TIMEOUT);
    expect(await card.getByTestId('app-channel').innerText()).toBe('Patient app');
    // The clinic confirms bookings: it waits on the doctor's open Requests screen, marked too.
    const request = doctor.page.getByTestId('request-row').filter({ hasText: booked.number });
    await request.getByTestId('app-channel').waitFor(TIMEOUT);
  }, 180_000);

  test("the patient's reschedule request appears in reception's and the doctor's Requests; reception approves it", async ({
    reception,
    doctor,
  }) => {
    const { page } = reception;
    await openScreen(page, 'Requests');
    await page.getByRole('heading', { name: 'Requests', level: 1 }).waitFor(TIMEOUT);
    const note = 'Exams in the morning that week';
    await app.call('appointments.requestReschedule', {
      id: booked.id,
      requestId: randomUUID(),
      preferredStartsAt: asked.start,
      note,
    });
    const row = page.getByTestId('reschedule-request-row').filter({ hasText: booked.number });
    await row.waitFor(TIMEOUT);
    const text = await row.innerText();
    for (const shown of [note, 'Patient app', asked.localTime]) expect(text).toContain(shown);
    await doctor.page
      .getByTestId('reschedule-request-row')
      .filter({ hasText: booked.number })
      .waitFor(TIMEOUT);
    // The navigation counts what waits on the screen.
    const waiting = await page
      .locator('[data-testid="request-row"], [data-testid="reschedule-request-row"]')
      .count();
    await expect
      .poll(() => page.getByTestId('requests-count').textContent(), TIMEOUT)
      .toBe(`${waiting} waiting`);
    expect(await axeScan(page)).toEqual([]);

    await row.getByRole('button', { name: `Approve the new time for ${booked.number}` }).click();
    const dialog = page.getByRole('dialog', { name: `Move ${booked.number}` });
    await dialog.getByText(/^New time: /).waitFor(TIMEOUT); // the asked time, chosen
    await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
    await dialog.waitFor({ state: 'hidden', ...TIMEOUT });
    await row.waitFor({ state: 'detached', ...TIMEOUT });
    await doctor.page
      .getByTestId('reschedule-request-row')
      .filter({ hasText: booked.number })
      .waitFor({ state: 'detached', ...TIMEOUT });
    expect((await app.call<{ startsAt: string }>('appointments.get', { id: booked.id })).startsAt).toBe(
      asked.start,
    );
  }, 180_000);

  test('the doctor marks their own leave; the bookings it strands show beside it and move to the same time of day, the patients messaged', async ({
    doctor,
    hub,
  }) => {
    const db = new BetterSqlite3(join(hub.dataDir, 'clinic.db'), { readonly: true });
    const zone = 'Asia/Kolkata';
    // The first booking on the doctor's first booked day after tomorrow.
    const booked = db
      .prepare(
        `SELECT a.startsAt FROM appointments a JOIN doctors d ON d.id = a.doctorId
         WHERE d.fullName = ? AND a.status IN ('REQUESTED', 'CONFIRMED') AND a.startsAt > ?
         ORDER BY a.startsAt`,
      )
      .all(DOCTOR, new Date(Date.now() + 86_400_000).toISOString()) as { startsAt: string }[];
    const later = booked.filter((b) => clinicDate(b.startsAt, zone) > clinicDate(booked[0]!.startsAt, zone));
    const next = later[0]!;
    const moveMessages = (on: BetterSqlite3.Database) =>
      (
        on.prepare(`SELECT count(*) AS n FROM notifications WHERE kind = 'schedule_change'`).get() as {
          n: number;
        }
      ).n;
    const before = moveMessages(db);
    db.close();
    const date = clinicDate(next.startsAt, zone);

    const { page } = doctor;
    await openScreen(page, 'Schedule');
    const leave = page.getByRole('region', { name: 'My leave' });
    const form = leave.getByRole('form', { name: 'Add a date exception' });
    await form.waitFor(TIMEOUT);
    expect(await form.getByLabel('Kind').count()).toBe(0); // doctors mark leave only
    await form.getByLabel('Date').fill(date);
    await form.getByLabel('Reason').fill('Family function');
    await form.getByRole('button', { name: 'Add leave' }).click();
    const affected = form.getByRole('table', { name: 'Affected appointments' });
    await affected.waitFor(TIMEOUT);
    expect(await inView(page, affected)).toBe(true);
    const count = await affected.locator('tbody tr').count();
    expect(count).toBeGreaterThan(0);

    await form.getByRole('button', { name: 'Add anyway and reschedule them' }).click();
    const toMove = page.getByRole('region', { name: 'Appointments to move' });
    await toMove.getByTestId('move-row').first().waitFor(TIMEOUT);
    expect(await inView(page, toMove)).toBe(true);
    expect(await toMove.getByTestId('move-row').count()).toBe(count);
    // The first booking keeps its time of day, on another day, and its new time can be changed.
    const first = toMove.getByTestId('move-row').first();
    const newTime = first.getByLabel(/^New time for /);
    expect(await newTime.inputValue()).toBe(instantToLocal(next.startsAt, zone).time);
    const proposed = await first.getByLabel(/^New date for /).inputValue(); // dd/mm/yyyy (en-IN)
    expect(proposed).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(proposed).not.toBe(date.split('-').reverse().join('/'));
    expect(await newTime.isEditable()).toBe(true);
    expect(await axeScan(page)).toEqual([]);
    // Switched to a colleague of the same specialization, the row is given a time free with the
    // colleague: here the booking's own day and time (the colleague is not on leave).
    await first.getByLabel(/^Doctor for /).selectOption({ label: COLLEAGUE });
    await expect
      .poll(() => first.getByLabel(/^New date for /).inputValue(), TIMEOUT)
      .toBe(date.split('-').reverse().join('/'));
    expect(await newTime.inputValue()).toBe(instantToLocal(next.startsAt, zone).time);

    await toMove.getByRole('button', { name: /^Move \d+ appointments?$/ }).click();
    await toMove
      .getByText(new RegExp(`^Moved ${count}\\. The patients are being messaged their new times`))
      .waitFor(TIMEOUT);
    const after = new BetterSqlite3(join(hub.dataDir, 'clinic.db'), { readonly: true });
    const told = moveMessages(after);
    after.close();
    expect(told).toBeGreaterThan(before);
  }, 180_000);

  test('where the clinic approves leave, the doctor requests it; admin approves it with the moves, and the doctor sees the outcome', async ({
    admin,
    doctor,
    hub,
  }) => {
    const db = new BetterSqlite3(join(hub.dataDir, 'clinic.db'), { readonly: true });
    const zone = 'Asia/Kolkata';
    const onLeave = new Set(
      (
        db
          .prepare(
            `SELECT e.date FROM schedule_exceptions e JOIN doctors d ON d.id = e.doctorId WHERE d.fullName = ?`,
          )
          .all(DOCTOR) as { date: string }[]
      ).map((e) => e.date),
    );
    const booked = db
      .prepare(
        `SELECT a.startsAt FROM appointments a JOIN doctors d ON d.id = a.doctorId
         WHERE d.fullName = ? AND a.status IN ('REQUESTED', 'CONFIRMED') AND a.startsAt > ?
         ORDER BY a.startsAt`,
      )
      .all(DOCTOR, new Date(Date.now() + 2 * 86_400_000).toISOString()) as { startsAt: string }[];
    db.close();
    const date = booked.map((b) => clinicDate(b.startsAt, zone)).find((d) => !onLeave.has(d));
    if (!date) throw new Error(`${DOCTOR} has no booked day without leave from the day after tomorrow`);

    await openScreen(admin.page, 'Settings');
    const settings = admin.page.getByRole('form', { name: 'Clinic settings' });
    await settings.getByLabel('Doctors’ leave').waitFor(TIMEOUT);
    await settings.getByLabel('Doctors’ leave').selectOption('doctorsRequest');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await admin.page.getByText('Settings saved').first().waitFor(TIMEOUT);

    // The doctor's open My leave follows the setting (a synced change): it now asks for requests.
    const { page } = doctor;
    const leave = page.getByRole('region', { name: 'My leave' });
    const form = leave.getByRole('form', { name: 'Request leave' });
    await form.waitFor(TIMEOUT);
    await form.getByLabel('First day').fill(date.split('-').reverse().join('/')); // the clinic's dd/mm/yyyy
    await form.getByLabel('Last day').fill(date.split('-').reverse().join('/'));
    await form.getByLabel('Reason').fill('Knee surgery');
    await form.getByRole('button', { name: 'Request leave' }).click();
    const mine = leave.getByTestId('leave-request-row');
    const waiting = mine.filter({ hasText: 'Waiting for a decision' });
    await waiting.or(form.getByRole('alert')).first().waitFor(TIMEOUT);
    expect(await form.getByRole('alert').allInnerTexts()).toEqual([]);

    await openScreen(admin.page, 'Schedules');
    const requests = admin.page.getByRole('region', { name: 'Leave requests' });
    await requests.getByText('“Knee surgery”').waitFor(TIMEOUT);
    await requests.getByRole('button', { name: `Review ${DOCTOR}’s request` }).click();
    const rows = requests.getByTestId('move-row');
    await rows.first().waitFor(TIMEOUT);
    expect(
      await rows
        .first()
        .getByLabel(/^New date for /)
        .inputValue(),
    ).not.toBe(date.split('-').reverse().join('/'));
    expect(await axeScan(admin.page)).toEqual([]);
    await requests.getByRole('button', { name: /^Approve and move \d+ appointments?$/ }).click();
    await requests
      .getByText(new RegExp(`^Leave approved for ${DOCTOR}\\. Moved \\d+\\. The patients are being messaged`))
      .waitFor(TIMEOUT);

    // The doctor's screen follows (the leave is a synced change): approved, by whom, and in the schedule.
    await mine.filter({ hasText: 'Approved' }).filter({ hasText: 'by Anita Rao (admin)' }).waitFor(TIMEOUT);
    await leave.getByTestId('exception-row').filter({ hasText: 'Leave' }).first().waitFor(TIMEOUT);
  }, 180_000);

  test('ran without console errors, page errors or CSP violations', ({ admin, reception, doctor }) => {
    expect([...admin.problems, ...reception.problems, ...doctor.problems]).toEqual([]);
  });
});
