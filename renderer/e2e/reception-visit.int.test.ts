import { describe, expect } from 'vitest';
import { axeScan } from '@renderer/testing/axe';
import type { AppPage } from '@renderer/testing/browser';
import { browserTest } from '@renderer/testing/browser-test';

const TIMEOUT = { timeout: 30_000 };
const DOCTOR = 'Dr. Arvind Menon'; // the demo account signInAs(…, 'doctor') uses
const PATIENT = `Walkin Visit ${Date.now().toString(36).slice(-5)}`;

const test = browserTest.extend('app', { scope: 'file' }, ({ signedIn }) => signedIn('receptionist'));

/**
 * The reception part of a visit, through the UI only: a patient with an appointment today is
 * checked in and queued with a token and a waiting time (also on the doctor's own queue), and a
 * completed visit's bill is paid in two parts and its receipt shown.
 *
 * Demo data follows the real clock (after hours nobody is left to check in), so the test makes its
 * own appointment for today: a walk-in whose check-in is then undone leaves a CONFIRMED appointment
 * today, which is then checked in from the check-in list like any booked patient.
 */
describe('reception: check-in, queue and billing of a visit', () => {
  let doctorApp: AppPage | undefined;
  let token = '';

  test('adds a walk-in to a doctor’s queue and says where they were placed', async ({ app }) => {
    const { page } = app;
    await page.keyboard.press('Alt+c');
    await page.getByRole('heading', { name: 'Queue and check-in', level: 1 }).waitFor(TIMEOUT);
    expect(await axeScan(page)).toEqual([]);

    await page.getByRole('button', { name: 'Walk-in' }).click();
    const dialog = page.getByRole('dialog', { name: 'Walk-in patient' });
    await dialog.waitFor(TIMEOUT);
    await dialog.getByText('New patient', { exact: true }).click();
    await dialog.getByLabel('Full name').fill(PATIENT);
    await dialog.getByLabel('Doctor').selectOption({ label: `${DOCTOR} — General Physician` });
    await dialog.getByText('Queue between scheduled patients').click();
    expect(await axeScan(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Add walk-in' }).click();
    const result = dialog.getByTestId('walk-in-result');
    await result.waitFor(TIMEOUT);
    expect(await result.innerText()).toMatch(
      /Token [A-Z]{1,3}-\d{3}[\s\S]*Queued between the scheduled patients/,
    );
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'hidden', ...TIMEOUT });
  }, 300_000); // the first test also starts the hub and the browser (file fixtures)

  test('undoes that check-in from the appointment drawer (the appointment stays, today, confirmed)', async ({
    app,
  }) => {
    const { page } = app;
    const row = page.getByTestId('queue-row').filter({ hasText: PATIENT });
    await row.waitFor(TIMEOUT);
    await row.getByRole('button', { name: PATIENT }).click();
    const drawer = page.getByTestId('appointment-drawer');
    await drawer.getByTestId('appointment-history').waitFor(TIMEOUT);
    await drawer.getByRole('button', { name: 'Undo checked in' }).click();
    const undo = page.getByRole('dialog', { name: /Undo/ });
    await undo.getByLabel('Reason').fill('Checked in by mistake');
    await undo.getByRole('button', { name: 'Undo', exact: true }).click();
    await undo.waitFor({ state: 'hidden', ...TIMEOUT });
    await expect
      .poll(() => drawer.getByTestId('appointment-history').innerText(), TIMEOUT)
      .toContain('(undo)');
    expect(await drawer.innerText()).toContain('Confirmed');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden', ...TIMEOUT });
    await row.waitFor({ state: 'detached', ...TIMEOUT });
  }, 120_000);

  test('checks the patient in: the token is shown and the queue lists them with a waiting time', async ({
    app,
  }) => {
    const { page } = app;
    await page.getByLabel('Find today’s appointment').fill(PATIENT);
    const appointment = page.getByTestId('check-in-row').filter({ hasText: PATIENT });
    await appointment.waitFor(TIMEOUT);
    expect(await appointment.innerText()).toContain(DOCTOR);
    await appointment.getByRole('button', { name: `Check in ${PATIENT}` }).click();
    const confirmation = page.getByTestId('check-in-result');
    await confirmation.waitFor(TIMEOUT);
    const text = await confirmation.innerText();
    expect(text).toContain(PATIENT);
    token = /token ([A-Z]{1,3}-\d{3,})/.exec(text)?.[1] ?? '';
    expect(token).not.toBe('');
    expect(text).toContain(DOCTOR);

    const queued = page.getByTestId('queue-row').filter({ hasText: PATIENT });
    await queued.waitFor(TIMEOUT);
    expect(await queued.innerText()).toContain(token);
    expect(await queued.getByTestId('waiting-time').innerText()).toMatch(/^\d+ min$|^\d+ h \d{2} min$/);
    expect(await queued.innerText()).toMatch(/Waiting/);
    expect(await page.getByRole('tab', { selected: true }).innerText()).toContain(DOCTOR);
    expect(await axeScan(page)).toEqual([]);
  }, 120_000);

  test('the doctor’s own queue (another browser, signed in as the doctor) shows the patient waiting', async ({
    signedIn,
  }) => {
    doctorApp = await signedIn('doctor');
    const { page } = doctorApp;
    const table = page.getByRole('table', { name: 'Waiting patients' });
    await table.waitFor(TIMEOUT);
    const row = table.getByTestId('queue-row').filter({ hasText: token });
    await row.waitFor(TIMEOUT);
    // The patient's name is fetched apart from the queue row: wait for it rather than read once.
    await expect.poll(() => row.innerText(), TIMEOUT).toContain(PATIENT);
    expect(await row.getByTestId('waiting-time').innerText()).toMatch(/\d+\s*(min|m)/);
    await doctorApp.close();
  }, 120_000);

  test('takes a partial then a full payment on a completed visit’s bill and shows the receipt', async ({
    app,
  }) => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Billing' }).click();
    await page.getByRole('heading', { name: 'Billing', level: 1 }).waitFor(TIMEOUT);
    await page.getByRole('tab', { name: /Outstanding/ }).click();
    const pending = page.getByTestId('bill-row').filter({ hasText: 'Pending' });
    await pending.first().waitFor(TIMEOUT);
    expect(await axeScan(page)).toEqual([]);
    const number = (await pending.first().getByRole('link').innerText()).trim();
    await pending.first().getByRole('link').click();
    await page.getByRole('heading', { name: `Bill ${number}`, level: 1 }).waitFor(TIMEOUT);
    const status = page.getByRole('region', { name: 'Bill summary' }).getByTestId('bill-status');
    expect(await status.innerText()).toBe('Pending');

    const payment = page.getByRole('form', { name: 'Record a payment' });
    const amount = payment.getByLabel('Amount (₹)');
    const outstanding = async () =>
      (await page.getByTestId('bill-outstanding').innerText()).replace(/[₹,\s]/g, '');
    // The amount starts as the balance due; a part payment types over it.
    expect(await amount.inputValue()).toBe(await outstanding());
    await amount.fill('1');
    await payment.getByRole('button', { name: 'Record payment' }).click();
    await expect.poll(() => status.innerText(), TIMEOUT).toBe('Partially paid');
    expect(await page.getByTestId('bill-paid').innerText()).toBe('₹1.00');
    await expect.poll(() => amount.inputValue(), TIMEOUT).toBe(await outstanding());

    await payment.getByRole('button', { name: 'Full amount' }).click();
    await payment.getByRole('button', { name: 'Record payment' }).click();
    await expect.poll(() => status.innerText(), TIMEOUT).toBe('Paid');
    expect(await page.getByTestId('bill-outstanding').innerText()).toBe('₹0.00');
    expect(await page.getByTestId('payment-row').count()).toBeGreaterThanOrEqual(2);

    await page.getByRole('button', { name: 'Show receipt' }).click();
    const frame = page.getByTestId('receipt-frame');
    await frame.waitFor(TIMEOUT);
    expect(await frame.getAttribute('src')).toMatch(/^blob:/);
    expect(await page.getByTestId('receipt-number').innerText()).toMatch(/^R-\d{4}-\d{6,}$/);
    expect(await page.getByRole('link', { name: 'Download' }).getAttribute('download')).toMatch(/\.pdf$/);
    expect(await axeScan(page, { exclude: ['[data-testid="receipt-frame"]'] })).toEqual([]);
  }, 180_000);

  test('ran without console errors, page errors or CSP violations', ({ app }) => {
    expect(app.problems).toEqual([]);
    expect(doctorApp?.problems ?? []).toEqual([]);
  });
});
