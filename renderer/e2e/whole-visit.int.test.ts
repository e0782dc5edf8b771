import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { type AppPage, openApp } from '@renderer/testing/browser';
import { browserTest } from '@renderer/testing/browser-test';
import { DEMO_PASSWORD, signInWith } from '@renderer/testing/sign-in';
import {
  addWalkInAt,
  fillConsultation,
  finalizeAndComplete,
  finishPatientInRoom,
} from '@renderer/testing/doctor-steps';
import {
  chooseFirstSlot,
  confirmBooking,
  findBookingWithFreeSlot,
  quickRegister,
  uniqueName,
} from '@renderer/testing/booking-steps';

const TIMEOUT = { timeout: 60_000 };
/** The doctor a walk-in goes to when nobody has a free slot left today (the demo's 'doctor'). */
const WALK_IN_DOCTOR = 'Dr. Arvind Menon';
const WAITING = /^\d+ min$|^\d+ h \d{2} min$/;

const test = browserTest.extend('reception', { scope: 'file' }, ({ signedIn }) => signedIn('receptionist'));

/**
 * One visit of one new patient, through the UI only, reception and doctor in their own browser
 * contexts (two desktops): an appointment today (booked with quick registration; after hours, when
 * no slot is left, a walk-in) → check-in → the doctor's queue shows the patient with a waiting time
 * → consultation with a two-medicine prescription → signed and completed → the bill → a partial,
 * then the full payment → the receipt.
 */
describe('a whole visit: booking → check-in → queue → consultation → bill → payments → receipt', () => {
  let doctor: AppPage | undefined;
  const name = uniqueName('Lata');
  const phone = `+91 97${String(Date.now() % 100000000).padStart(8, '0')}`;
  const visit = { doctor: '', token: '', viaWalkIn: false };

  test('reception gives a new patient an appointment today (Book with quick registration, else a walk-in)', async ({
    reception,
  }) => {
    const { page } = reception;
    const found = await findBookingWithFreeSlot(page, { days: 1 });
    if (found) {
      await chooseFirstSlot(page);
      await quickRegister(page, name, phone);
      expect(await confirmBooking(page)).toMatch(/^A-\d{4}-\d{6,}$/);
      visit.doctor = found.doctor.split(' — ')[0]!;
    } else {
      // After hours nothing is bookable today: the walk-in registers the patient and queues them.
      visit.token = await addWalkInAt(page, { doctor: WALK_IN_DOCTOR, newName: name });
      visit.doctor = WALK_IN_DOCTOR;
      visit.viaWalkIn = true;
      const dialog = page.getByRole('dialog', { name: 'Walk-in patient' });
      await dialog.getByRole('button', { name: 'Done' }).click();
      await dialog.waitFor({ state: 'hidden', ...TIMEOUT });
    }
    expect(visit.doctor).toMatch(/^Dr\. /);
  }, 300_000);

  test('checks the patient in: a token, and the reception queue lists them waiting', async ({
    reception,
  }) => {
    const { page } = reception;
    if (!visit.viaWalkIn) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queue' }).click();
      await page.getByRole('heading', { name: 'Queue and check-in', level: 1 }).waitFor(TIMEOUT);
      await page.getByLabel('Find today’s appointment').fill(name);
      const appointment = page.getByTestId('check-in-row').filter({ hasText: name });
      await appointment.waitFor(TIMEOUT);
      await expect.poll(() => appointment.innerText(), TIMEOUT).toContain(visit.doctor);
      await appointment.getByRole('button', { name: `Check in ${name}` }).click();
      const confirmation = page.getByTestId('check-in-result');
      await confirmation.waitFor(TIMEOUT);
      const text = await confirmation.innerText();
      expect(text).toContain(name);
      expect(text).toContain(visit.doctor);
      visit.token = /token ([A-Z]{1,3}-\d{3,})/.exec(text)?.[1] ?? '';
    }
    expect(visit.token).toMatch(/^[A-Z]{1,3}-\d{3,}$/);
    // Check-in and walk-in both switch the queue to the patient's doctor.
    await expect
      .poll(() => page.getByRole('tab', { selected: true }).innerText(), TIMEOUT)
      .toContain(visit.doctor);
    const row = page.getByTestId('queue-row').filter({ hasText: name });
    await row.waitFor(TIMEOUT);
    expect(await row.innerText()).toContain(visit.token);
    expect(await row.getByTestId('waiting-time').innerText()).toMatch(WAITING);
  }, 180_000);

  test('the doctor (another desktop) sees the patient in My queue with a waiting time and starts the consultation', async ({
    hub,
    browser,
  }) => {
    doctor = await openApp(browser, hub.url);
    const { page } = doctor;
    await signInAsDoctor(page, visit.doctor);
    await page.getByRole('heading', { name: 'My queue', level: 1 }).waitFor(TIMEOUT);
    // During clinic hours the demo leaves a patient in the room: that visit is finished first.
    await finishPatientInRoom(page);

    const row = page.getByRole('table', { name: 'Waiting patients' }).getByTestId('queue-row');
    const mine = row.filter({ hasText: visit.token });
    await mine.waitFor(TIMEOUT);
    await expect.poll(() => mine.innerText(), TIMEOUT).toContain(name); // names load after the queue
    expect(await mine.getByTestId('waiting-time').innerText()).toMatch(WAITING);
    expect(await mine.innerText()).toMatch(/in about \d+/);

    const current = page.getByTestId('current-patient');
    const nobodyCalled = (await current.getByText('Nobody is with you').count()) > 0;
    if (nobodyCalled && (await row.first().innerText()).includes(visit.token)) {
      // First in line: called in, then the consultation starts.
      await page.getByRole('button', { name: 'Call next', exact: true }).click();
      await expect.poll(() => current.innerText(), TIMEOUT).toContain(visit.token);
      await current.getByRole('button', { name: 'Start consultation' }).click();
    } else {
      // Others are ahead (a booked time later today): the doctor takes this patient directly.
      await mine.getByRole('button', { name: `Start consultation with ${visit.token}` }).click();
    }
    await page.getByRole('heading', { name: 'Consultation', level: 1 }).waitFor(TIMEOUT);
    await expect.poll(() => page.getByTestId('patient-name').innerText(), TIMEOUT).toBe(name);
    await page.getByLabel('Chief complaint').waitFor(TIMEOUT);
  }, 300_000);

  test('writes complaint, diagnosis, advice and a two-medicine prescription, signs and completes the visit', async () => {
    const { page } = doctor!;
    await fillConsultation(page);
    expect(await page.getByTestId('prescription-row').count()).toBe(2);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => page.getByTestId('save-status').innerText(), TIMEOUT).toMatch(/^Draft saved at/);

    await finalizeAndComplete(page);
    const signed = page.getByTestId('signed-record');
    await signed.waitFor(TIMEOUT);
    expect(await signed.getByRole('table', { name: 'Prescribed medicines' }).innerText()).toMatch(
      /Paracetamol 650 mg[\s\S]*Azithromycin 500 mg/,
    );
    const record = await signed.innerText();
    expect(record).toContain('Fever and sore throat for two days');
    expect(record).toContain('Acute pharyngitis (J02.9)');
    expect(record).toContain('Warm saline gargles');
    await expect.poll(() => page.locator('main').innerText(), TIMEOUT).toContain('Completed');
    const pdf = page.getByTestId('prescription-pdf');
    await pdf.waitFor(TIMEOUT);
    expect(await pdf.getAttribute('src')).toMatch(/^blob:/);
  }, 300_000);

  test('reception opens the visit’s bill and takes a partial, then the full payment', async ({
    reception,
  }) => {
    const { page } = reception;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Billing' }).click();
    await page.getByRole('heading', { name: 'Billing', level: 1 }).waitFor(TIMEOUT);
    await page.getByRole('tab', { name: /Today’s bills/ }).click();
    // Completion normally creates the bill; if it did not, the visit is offered for billing.
    const billRow = page.getByTestId('bill-row').filter({ hasText: name });
    const unbilled = page
      .locator('div')
      .filter({ hasText: name })
      .filter({ has: page.getByRole('button', { name: 'Create bill' }) })
      .last();
    await expect
      .poll(async () => (await billRow.count()) + (await unbilled.count()), TIMEOUT)
      .toBeGreaterThan(0);
    if ((await billRow.count()) > 0) {
      await expect.poll(() => billRow.innerText(), TIMEOUT).toContain(visit.doctor);
      await billRow.getByRole('link').click();
    } else {
      await unbilled.getByRole('button', { name: 'Create bill' }).click();
    }
    const heading = page.getByRole('heading', { name: /^Bill /, level: 1 });
    await heading.waitFor(TIMEOUT);
    await expect.poll(() => page.locator('main').innerText(), TIMEOUT).toContain(`${name} ·`);
    const status = page.getByRole('region', { name: 'Bill summary' }).getByTestId('bill-status');
    await expect.poll(() => status.innerText(), TIMEOUT).toBe('Pending');
    const total = amount(await page.getByTestId('bill-total').innerText());
    expect(total).toBeGreaterThanOrEqual(2);
    const part = Math.floor(total / 2);

    const payment = page.getByRole('form', { name: 'Record a payment' });
    await payment.getByLabel('Amount (₹)').fill(String(part));
    await payment.getByRole('button', { name: 'Record payment' }).click();
    await expect.poll(() => status.innerText(), TIMEOUT).toBe('Partially paid');
    expect(amount(await page.getByTestId('bill-paid').innerText())).toBe(part);
    expect(amount(await page.getByTestId('bill-outstanding').innerText())).toBe(total - part);

    await payment.getByRole('button', { name: 'Full amount' }).click();
    await payment.getByRole('button', { name: 'Record payment' }).click();
    await expect.poll(() => status.innerText(), TIMEOUT).toBe('Paid');
    expect(await page.getByTestId('bill-outstanding').innerText()).toBe('₹0.00');
    expect(amount(await page.getByTestId('bill-paid').innerText())).toBe(total);
    expect(await page.getByTestId('payment-row').count()).toBe(2);
  }, 300_000);

  test('shows the receipt (PDF and its number)', async ({ reception }) => {
    const { page } = reception;
    await page.getByRole('button', { name: 'Show receipt' }).click();
    const frame = page.getByTestId('receipt-frame');
    await frame.waitFor(TIMEOUT);
    expect(await frame.getAttribute('src')).toMatch(/^blob:/);
    expect(await page.getByTestId('receipt-number').innerText()).toMatch(/^R-\d{4}-\d{6,}$/);
  }, 120_000);

  test('ran without console errors, page errors or CSP violations', ({ reception }) => {
    expect(reception.problems).toEqual([]);
    expect(doctor?.problems ?? []).toEqual([]);
  });
});

/** The demo's doctor accounts are dr.<surname> ("Dr. Arvind Menon" → dr.menon; README "Demo users"). */
async function signInAsDoctor(page: Page, fullName: string): Promise<void> {
  const surname = fullName.split(' ').at(-1)!.toLowerCase();
  await signInWith(page, `dr.${surname}`, DEMO_PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).waitFor(TIMEOUT);
}

/** "₹1,250.00" → 1250. */
function amount(text: string): number {
  return Number(text.replace(/[^\d.]/g, ''));
}
