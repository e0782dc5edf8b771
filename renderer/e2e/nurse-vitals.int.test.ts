import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeScan } from '@renderer/testing/axe';
import { type AppPage, launchBrowser, openApp } from '@renderer/testing/browser';
import { type DemoHub, startDemoHub } from '@renderer/testing/demo-hub';
import { signInAs } from '@renderer/testing/sign-in';
import { addWalkInAt } from '@renderer/screens/doctor/doctor-steps.testing';
import { uniqueName } from '@renderer/screens/reception/booking/booking-steps.testing';

const TIMEOUT = { timeout: 30_000 };
const DOCTOR = 'Dr. Arvind Menon'; // the demo account signInAs(…, 'doctor') uses
const READINGS = {
  'BP systolic (mmHg)': '128',
  'BP diastolic (mmHg)': '84',
  'Pulse (/min)': '76',
  'Temperature (°C)': '37.2',
  'SpO₂ (%)': '98',
  'Weight (kg)': '61.5',
};

/**
 * SPEC §1: a nurse records vitals for checked-in patients, and never writes diagnoses or
 * prescriptions. Reception checks a walk-in in; the nurse (her own desktop) records the vitals,
 * refused first with the field named; the doctor's open workspace fills them in live. The nurse
 * sees them again after a reload and corrects one; readings the doctor typed are kept.
 */
describe('nurse: vitals for a checked-in patient', () => {
  let hub: DemoHub;
  let browser: Browser;
  let reception: AppPage;
  let nurse: AppPage;
  let doctor: AppPage;
  const name = uniqueName('Vani');
  let appointmentId = '';
  const doctorRecord = () => doctor.page.getByRole('form', { name: 'Consultation record' });
  const takenCell = () =>
    nurse.page.getByTestId('vitals-row').filter({ hasText: name }).getByTestId('vitals-taken');

  beforeAll(async () => {
    hub = await startDemoHub();
    browser = await launchBrowser();
    reception = await openApp(browser, hub.url);
    nurse = await openApp(browser, hub.url);
    await signInAs(reception.page, 'receptionist');
    await signInAs(nurse.page, 'nurse');
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  }, 60_000);

  it('the nurse’s home lists the patient reception checks in, live', async () => {
    const { page } = nurse;
    await page.getByRole('heading', { name: 'Vitals', level: 1 }).waitFor(TIMEOUT);
    await addWalkInAt(reception.page, { doctor: DOCTOR, newName: name });
    const row = page.getByTestId('vitals-row').filter({ hasText: name });
    await row.waitFor(TIMEOUT);
    expect(await row.innerText()).toContain(DOCTOR);
    appointmentId = (await row.getAttribute('data-appointment-id')) ?? '';
    expect(appointmentId).not.toBe('');
    expect(await axeScan(page)).toEqual([]);
    // The nurse has no way to write a diagnosis or a prescription: no consultation screen at all.
    const nav = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts();
    expect(nav).toEqual(['Vitals', 'Appointments']);
  }, 180_000);

  it('the doctor has the patient’s workspace open before any vitals are taken', async () => {
    doctor = await openApp(browser, hub.url);
    await signInAs(doctor.page, 'doctor');
    await doctor.page.goto(`${hub.url}/consultation/${appointmentId}`);
    await doctorRecord().waitFor(TIMEOUT);
    expect(await doctorRecord().getByLabel('Pulse (/min)').inputValue()).toBe('');
  }, 120_000);

  it('refuses impossible readings naming the box, then records them; the open workspace fills in', async () => {
    const { page } = nurse;
    await page.getByRole('button', { name: `Record vitals for ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Vitals: ${name}` });
    await dialog.waitFor(TIMEOUT);
    for (const [label, value] of Object.entries(READINGS)) await dialog.getByLabel(label).fill(value);
    const save = dialog.getByRole('button', { name: 'Save vitals' });
    await dialog.getByLabel('BP diastolic (mmHg)').fill('140');
    await save.click();
    await dialog.getByText('must be lower than the systolic pressure').waitFor(TIMEOUT);
    expect(await dialog.getByLabel('BP diastolic (mmHg)').getAttribute('aria-invalid')).toBe('true');
    expect(await axeScan(page)).toEqual([]);

    await dialog.getByLabel('BP diastolic (mmHg)').fill(READINGS['BP diastolic (mmHg)']);
    await dialog.getByLabel('Pulse (/min)').fill('fast');
    await save.click();
    await dialog.getByText('must be a number').waitFor(TIMEOUT);
    expect(await dialog.getByLabel('Pulse (/min)').getAttribute('aria-invalid')).toBe('true');

    await dialog.getByLabel('Pulse (/min)').fill(READINGS['Pulse (/min)']);
    await save.click();
    await dialog.waitFor({ state: 'hidden', ...TIMEOUT });
    await page.getByText(`Vitals recorded for ${name}`).first().waitFor(TIMEOUT);
    await takenCell()
      .getByText('BP 128/84 mmHg · Pulse 76 /min · Temperature 37.2 °C · SpO₂ 98 % · Weight 61.5 kg')
      .waitFor(TIMEOUT);

    for (const [label, value] of Object.entries(READINGS)) {
      await expect.poll(() => doctorRecord().getByLabel(label).inputValue(), TIMEOUT).toBe(value);
    }
    await doctor.page.getByTestId('vitals-arrived').waitFor(TIMEOUT);
  }, 120_000);

  it('after a reload the nurse still sees them, and corrects one reading; the doctor’s form follows', async () => {
    const { page } = nurse;
    await page.reload();
    await takenCell().getByText('Pulse 76 /min').waitFor(TIMEOUT);
    await page.getByRole('button', { name: `Correct vitals for ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Vitals: ${name}` });
    await dialog.waitFor(TIMEOUT);
    for (const [label, value] of Object.entries(READINGS)) {
      expect(await dialog.getByLabel(label).inputValue()).toBe(value);
    }
    await dialog.getByLabel('Weight (kg)').fill('62');
    await dialog.getByRole('button', { name: 'Save vitals' }).click();
    await dialog.waitFor({ state: 'hidden', ...TIMEOUT });
    await takenCell().getByText('Weight 62 kg').waitFor(TIMEOUT);
    await expect.poll(() => doctorRecord().getByLabel('Weight (kg)').inputValue(), TIMEOUT).toBe('62');
    expect(await doctorRecord().getByLabel('Pulse (/min)').inputValue()).toBe('76');
  }, 120_000);

  it('readings the doctor typed are kept when the nurse records again', async () => {
    await doctorRecord().getByLabel('Pulse (/min)').fill('88');
    await doctor.page.getByRole('button', { name: 'Save draft' }).click();
    await doctor.page.getByTestId('save-status').getByText('Draft saved').waitFor(TIMEOUT);
    await takenCell().getByText('Pulse 88 /min').waitFor(TIMEOUT);

    const { page } = nurse;
    await page.getByRole('button', { name: `Correct vitals for ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Vitals: ${name}` });
    await dialog.getByLabel('Pulse (/min)').fill('90');
    // The doctor types a weight (saved automatically only after a 2 s pause), and the nurse saves.
    await doctorRecord().getByLabel('Weight (kg)').fill('63');
    await dialog.getByRole('button', { name: 'Save vitals' }).click();
    await dialog.waitFor({ state: 'hidden', ...TIMEOUT });
    await takenCell().getByText('Pulse 90 /min').waitFor(TIMEOUT);
    await doctor.page.waitForTimeout(500); // the same push reaches the doctor's screen
    const status = await doctor.page.getByTestId('save-status').innerText();
    expect(status, 'the doctor’s weight must still be unsaved for this check').toMatch(/^Unsaved/);
    expect(await doctorRecord().getByLabel('Pulse (/min)').inputValue()).toBe('88');
    expect(await doctorRecord().getByLabel('Weight (kg)').inputValue()).toBe('63');
    await doctor.page.getByRole('button', { name: 'Save draft' }).click();
    await takenCell().getByText('Pulse 88 /min').waitFor(TIMEOUT);
    expect(await takenCell().innerText()).toContain('Weight 63 kg');
  }, 120_000);

  it('ran without console errors, page errors or CSP violations', () => {
    expect([...reception.problems, ...nurse.problems, ...doctor.problems]).toEqual([]);
  });
});
