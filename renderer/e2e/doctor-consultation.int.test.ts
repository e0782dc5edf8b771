import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { axeScan } from '@renderer/testing/axe';
import { openApp } from '@renderer/testing/browser';
import { browserTest } from '@renderer/testing/browser-test';
import { textContrast } from '@renderer/testing/contrast';
import { signInAs } from '@renderer/testing/sign-in';

const TIMEOUT = { timeout: 60_000 };
const DOCTOR = 'Dr. Arvind Menon'; // the demo's 'doctor' account (dr.menon)
const PATIENT = `Walkin Test ${Date.now().toString(36).toUpperCase()}`;

/** Two devices at the hub on their sign-in screens: the doctor's and reception's (signed in by the tests). */
const test = browserTest
  .extend('doctor', { scope: 'file' }, ({ hub, browser }) => openApp(browser, hub.url))
  .extend('reception', { scope: 'file' }, ({ hub, browser }) => openApp(browser, hub.url));

/**
 * The doctor's day through the UI only: reception adds a walk-in in another browser (works at any
 * time of day, unlike the demo's scheduled visits), the doctor's queue shows them live, the doctor
 * calls them, writes the record with a two-medicine prescription, signs, completes, and sees the PDF.
 */
describe('doctor: queue → consultation → prescription', () => {
  let token = '';

  test('shows the signed-in doctor their queue', async ({ doctor }) => {
    const { page } = doctor;
    await signInAs(page, 'doctor');
    await page.getByRole('heading', { name: 'My queue', level: 1 }).waitFor(TIMEOUT);
    await page.getByTestId('current-patient').waitFor(TIMEOUT);
    // Someone already in the room (the demo during clinic hours) is seen first.
    await finishCurrentConsultation(page);
    await expectAccessible(page);
  }, 300_000);

  test('shows a walk-in checked in at reception live, with a waiting time', async ({ doctor, reception }) => {
    const r = reception.page;
    await signInAs(r, 'receptionist');
    await r.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queue' }).click();
    await r.getByRole('button', { name: 'Walk-in' }).click();
    const dialog = r.getByRole('dialog');
    await dialog.getByText('New patient').click();
    await dialog.getByLabel('Full name').fill(PATIENT);
    const doctorSelect = dialog.getByLabel('Doctor');
    const option = await doctorSelect.locator('option', { hasText: DOCTOR }).first().getAttribute('value');
    await doctorSelect.selectOption(option ?? '');
    await dialog.getByText('Queue between scheduled patients').click();
    await dialog.getByText('Urgent (goes first)').click();
    await dialog.getByRole('button', { name: 'Add walk-in' }).click();
    const result = r.getByTestId('walk-in-result');
    await result.waitFor(TIMEOUT);
    token = /Token ([A-Z]+-\d+)/.exec(await result.innerText())?.[1] ?? '';
    expect(token).toMatch(/^[A-Z]+-\d{3,}$/);

    const { page } = doctor; // no reload: the hub's push brings the new patient
    const row = page.getByTestId('queue-row').filter({ hasText: PATIENT });
    await row.waitFor(TIMEOUT);
    expect(await row.innerText()).toContain(token);
    expect(await row.getByTestId('waiting-time').innerText()).toMatch(/^\d+ min$|^\d+ h \d{2} min$/);
    expect(await row.innerText()).toMatch(/in about \d+/);
  }, 300_000);

  test('reception records the walk-in’s ibuprofen allergy', async ({ reception }) => {
    const r = reception.page;
    await r.getByRole('dialog').getByRole('button', { name: 'Done' }).click();
    await r.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
    await r.getByRole('searchbox', { name: /search patients/i }).fill(PATIENT);
    const row = r.getByTestId('patient-row').filter({ hasText: PATIENT });
    await row.waitFor(TIMEOUT);
    await row.getByRole('link', { name: PATIENT }).click();
    await r.getByRole('link', { name: 'Edit details' }).click();
    const edit = r.getByRole('form', { name: 'Edit patient' });
    await edit.getByRole('textbox', { name: 'Allergies' }).fill('Ibuprofen');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await r.getByRole('region', { name: 'Allergies and conditions' }).getByText('Ibuprofen').waitFor(TIMEOUT);
  }, 120_000);

  test('calls the patient, starts the consultation and shows the workspace', async ({ doctor }) => {
    const { page } = doctor;
    await page.getByRole('button', { name: 'Call next', exact: true }).click();
    const current = page.getByTestId('current-patient');
    await expect.poll(() => current.innerText(), TIMEOUT).toContain(token);
    await current.getByRole('button', { name: 'Start consultation' }).click();
    await page.getByRole('heading', { name: 'Consultation', level: 1 }).waitFor(TIMEOUT);
    await expect.poll(() => page.getByTestId('patient-name').innerText(), TIMEOUT).toBe(PATIENT);
    await page.getByTestId('allergy-banner').waitFor(TIMEOUT);
    await page
      .getByTestId('history-panel')
      .getByText(/No previous consultations|Previous visits/)
      .first()
      .waitFor(TIMEOUT);
  }, 120_000);

  test('the front desk cannot undo the check-in while the doctor writes; the draft stays on screen', async ({
    doctor,
    reception,
  }) => {
    const { page } = doctor;
    await page.getByLabel('Chief complaint').fill('Fever and sore throat for two days');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => page.getByTestId('save-status').innerText(), TIMEOUT).toMatch(/^Draft saved at/);

    const r = reception.page; // on the patient's profile since the allergy step
    await r.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queue' }).click();
    await r.getByRole('tab', { name: new RegExp(DOCTOR) }).click();
    await r.getByTestId('in-consultation').getByRole('button', { name: PATIENT }).click();
    const drawer = r.getByTestId('appointment-drawer');
    await drawer.getByTestId('appointment-history').waitFor(TIMEOUT);
    await expect
      .poll(() => drawer.getByTestId('held-by-doctor').innerText(), TIMEOUT)
      .toMatch(/doctor has started writing the consultation record.*check-in cannot be undone/);
    expect(await drawer.getByRole('button', { name: 'Undo checked in' }).count()).toBe(0);
    expect(await drawer.getByRole('button', { name: 'Cancel appointment' }).count()).toBe(0);
    await r.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden', ...TIMEOUT });

    // The doctor's editor is still there, with the text typed.
    expect(await page.getByText('No consultation record').count()).toBe(0);
    expect(await page.getByLabel('Chief complaint').inputValue()).toBe('Fever and sore throat for two days');
  }, 120_000);

  test('writes the record with a two-medicine prescription, signs it and completes the visit', async ({
    doctor,
  }) => {
    const { page } = doctor;
    await page.getByLabel('BP systolic (mmHg)').fill('128');
    await page.getByLabel('BP diastolic (mmHg)').fill('84');
    await page.getByLabel('Pulse (/min)').fill('76');
    await page.getByLabel('Temperature (°C)').fill('38.2');
    await page.getByLabel('SpO₂ (%)').fill('98');
    await page.getByLabel('Weight (kg)').fill('68.5');
    await page.getByLabel('Chief complaint').fill('Fever and sore throat for two days');
    await page.getByLabel('Diagnosis', { exact: true }).fill('Acute pharyngitis');
    await page.getByLabel('Code (optional)').fill('J02.9');
    await page.getByLabel('Advice for the patient').fill('Warm saline gargles, plenty of fluids, rest.');

    // A new row is empty: nothing to sign unread.
    await page.getByRole('button', { name: /Add medicine/ }).click();
    const first = page.getByRole('group', { name: 'Medicine 1' });
    for (const label of ['Medicine', 'Dose pattern', 'Days', 'Timing']) {
      expect(await first.getByLabel(label, { exact: true }).inputValue(), label).toBe('');
    }
    // Type-ahead from the formulary: "Bruf" offers Brufen (ibuprofen), the patient's allergy.
    const medicine = first.getByRole('combobox', { name: 'Medicine' });
    await medicine.fill('Bruf');
    await first.getByTestId('unchecked-medicine').waitFor(TIMEOUT);
    await first.getByRole('option', { name: /Brufen/ }).click();
    expect(await medicine.inputValue()).toBe('Brufen');
    await first.getByTestId('unchecked-medicine').waitFor({ state: 'detached', ...TIMEOUT });
    await first.getByText('Ibuprofen · NSAIDs').waitFor(TIMEOUT);
    await first.getByLabel('Dose pattern').fill('1-0-1');
    await first.getByLabel('Timing').selectOption('after_food');
    await first.getByLabel('Days').fill('3');
    const warning = first.getByRole('alert').filter({ hasText: 'allergic to Ibuprofen' });
    await warning.waitFor(TIMEOUT);
    expect(await warning.innerText()).toContain('Brufen contains ibuprofen');
    await page
      .getByTestId('allergy-warnings')
      .getByText(/Brufen \(medicine 1\)/)
      .waitFor(TIMEOUT);
    await expectAccessible(page);
    await first.getByRole('button', { name: 'Remove medicine 1' }).click();

    await page.getByRole('button', { name: /Add medicine/ }).click();
    await fillMedicine(page, 1, { medicine: 'Paracetamol', strength: '650 mg', dose: '1-1-1', days: '3' });
    await page.keyboard.press('Alt+m'); // the builder's shortcut adds the second row
    await fillMedicine(page, 2, { medicine: 'Azithromycin', strength: '500 mg', dose: '1-0-0', days: '5' });
    await page.getByRole('group', { name: 'Medicine 2' }).getByLabel('Timing').selectOption('before_food');
    expect(await page.getByTestId('prescription-row').count()).toBe(2);

    // The rows kept as the doctor's template, then applied to an emptied prescription.
    await page.getByRole('button', { name: 'Save rows as template…' }).click();
    await page.getByLabel('Template name').fill('Viral fever adult');
    await page.getByRole('button', { name: 'Save template' }).click();
    const templates = page.getByLabel('Prescription template');
    await templates
      .locator('option', { hasText: 'Viral fever adult (2 medicines)' })
      .waitFor({ state: 'attached', ...TIMEOUT });
    await page.getByRole('button', { name: 'Remove medicine 2' }).click();
    await page.getByRole('button', { name: 'Remove medicine 1' }).click();
    await page.getByText('No medicines prescribed.').waitFor(TIMEOUT);
    const option = await templates.locator('option', { hasText: 'Viral fever adult' }).getAttribute('value');
    await templates.selectOption(option ?? '');
    await page.getByRole('button', { name: 'Apply template' }).click();
    await expect.poll(() => page.getByTestId('prescription-row').count(), TIMEOUT).toBe(2);
    const applied = page.getByRole('group', { name: 'Medicine 2' });
    expect(await applied.getByLabel('Medicine', { exact: true }).inputValue()).toBe('Azithromycin');
    expect(await applied.getByLabel('Timing').inputValue()).toBe('before_food');
    expect(await applied.getByLabel('Days').inputValue()).toBe('5');

    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => page.getByTestId('save-status').innerText(), TIMEOUT).toMatch(/^Draft saved at/);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Finalize…' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByText(/read-only/).waitFor(TIMEOUT);
    await confirm.getByRole('button', { name: 'Sign and finalize' }).click();
    const signed = page.getByTestId('signed-record');
    await signed.waitFor(TIMEOUT);
    // The success toast's white text on green stays readable (axe does not measure a toast).
    const toastText = page.getByText('The record is now read-only.');
    await toastText.waitFor(TIMEOUT);
    expect(await textContrast(toastText)).toBeGreaterThanOrEqual(4.5);
    expect(await textContrast(page.getByText('Consultation signed'))).toBeGreaterThanOrEqual(4.5);
    const medicines = signed.getByRole('table', { name: 'Prescribed medicines' });
    expect(await medicines.innerText()).toMatch(/Paracetamol 650 mg[\s\S]*Azithromycin 500 mg/);
    expect(await signed.innerText()).toContain('Acute pharyngitis (J02.9)');
    // The signing time and when the hub received it (one moment here: signed online).
    const times = await signed.getByTestId('author-times').first().innerText();
    expect(times).toMatch(/^Signed .+ · received by the clinic hub .+/);
    await signed.getByRole('button', { name: 'Add addendum' }).waitFor(TIMEOUT); // the signer's own

    await page.getByRole('button', { name: 'Complete visit' }).click();
    await page.getByRole('button', { name: 'Complete visit' }).waitFor({ state: 'detached', ...TIMEOUT });
    await expect.poll(() => page.locator('main').innerText(), TIMEOUT).toContain('Completed');
  }, 300_000);

  test('shows the prescription PDF', async ({ doctor }) => {
    const { page } = doctor;
    const frame = page.getByTestId('prescription-pdf');
    await frame.waitFor(TIMEOUT);
    const src = (await frame.getAttribute('src')) ?? '';
    expect(src).toMatch(/^blob:/);
    expect(await frame.getAttribute('title')).toMatch(/^Prescription PDF/);
    // The Download button saves the same document: it is a PDF.
    const [download] = await Promise.all([
      page.waitForEvent('download', TIMEOUT),
      page.getByRole('link', { name: 'Download' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expectAccessible(page);
  }, 120_000);

  test('lists the appointment as completed', async ({ doctor }) => {
    const { page } = doctor;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Appointments' }).click();
    await page.getByRole('heading', { name: 'Appointments', level: 1 }).waitFor(TIMEOUT);
    await page.getByRole('searchbox', { name: /search appointments/i }).fill(PATIENT);
    const row = page.getByTestId('appointment-row').filter({ hasText: PATIENT });
    await row.waitFor(TIMEOUT);
    await expect.poll(() => row.innerText(), TIMEOUT).toContain('Completed');
  }, 120_000);

  test('ran without console errors, page errors or CSP violations', ({ doctor, reception }) => {
    expect(doctor.problems).toEqual([]);
    expect(reception.problems).toEqual([]);
  });
});

async function fillMedicine(
  page: Page,
  n: number,
  m: { medicine: string; strength: string; dose: string; days: string },
): Promise<void> {
  const row = page.getByRole('group', { name: `Medicine ${n}` });
  await row.waitFor(TIMEOUT);
  await row.getByLabel('Medicine', { exact: true }).fill(m.medicine);
  await row.getByLabel('Strength').fill(m.strength);
  await row.getByLabel('Dose pattern').fill(m.dose);
  await row.getByLabel('Timing').selectOption('after_food');
  await row.getByLabel('Days').fill(m.days);
}

/** The demo leaves a patient in each in-session doctor's room: sign and complete that visit first. */
async function finishCurrentConsultation(page: Page): Promise<void> {
  const current = page.getByTestId('current-patient');
  const open = current.getByRole('button', { name: 'Open consultation' });
  if ((await open.count()) === 0) return;
  await open.click();
  await page.getByRole('heading', { name: 'Consultation', level: 1 }).waitFor(TIMEOUT);
  const diagnosis = page.getByLabel('Diagnosis', { exact: true });
  await diagnosis.waitFor(TIMEOUT);
  if (!(await diagnosis.inputValue())) await diagnosis.fill('Viral fever');
  await page.getByRole('button', { name: 'Finalize…' }).click();
  const confirm = page.getByRole('alertdialog');
  const ack = confirm.getByText(/I have reviewed the allergy warnings/);
  await confirm.getByText(/read-only/).waitFor(TIMEOUT);
  if ((await ack.count()) > 0) await ack.click();
  await confirm.getByRole('button', { name: 'Sign and finalize' }).click();
  await page.getByRole('button', { name: 'Complete visit' }).click();
  await page.getByRole('button', { name: 'Complete visit' }).waitFor({ state: 'detached', ...TIMEOUT });
  await page.getByRole('button', { name: 'Back to my queue' }).click();
  await page.getByRole('heading', { name: 'My queue', level: 1 }).waitFor(TIMEOUT);
  await expect.poll(() => current.innerText(), TIMEOUT).toContain('Nobody is with you');
}

/**
 * No serious or critical axe violation (the message names the elements when there is one). Toasts
 * are left out: a toast fading in or out is measured at part opacity (the shared toaster).
 */
async function expectAccessible(page: Page): Promise<void> {
  const problems = await axeScan(page, { exclude: ['[data-scope="toast"]'] });
  expect(problems, JSON.stringify(problems, null, 1)).toEqual([]);
}
