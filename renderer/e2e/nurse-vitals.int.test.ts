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
 * refused first with the field named; the doctor then finds them in the consultation record.
 */
describe('nurse: vitals for a checked-in patient', () => {
  let hub: DemoHub;
  let browser: Browser;
  let reception: AppPage;
  let nurse: AppPage;
  const name = uniqueName('Vani');
  let appointmentId = '';

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

  it('refuses impossible readings naming the box, then records them', async () => {
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
    await page.getByTestId('vitals-row').filter({ hasText: name }).getByText('Recorded').waitFor(TIMEOUT);
  }, 120_000);

  it('the doctor finds the readings in the consultation record', async () => {
    const doctor = await openApp(browser, hub.url);
    try {
      await signInAs(doctor.page, 'doctor');
      await doctor.page.goto(`${hub.url}/consultation/${appointmentId}`);
      const record = doctor.page.getByRole('form', { name: 'Consultation record' });
      await record.waitFor(TIMEOUT);
      for (const [label, value] of Object.entries(READINGS)) {
        await expect.poll(() => record.getByLabel(label).inputValue(), TIMEOUT).toBe(value);
      }
      expect(doctor.problems).toEqual([]);
    } finally {
      await doctor.close();
    }
  }, 120_000);

  it('ran without console errors, page errors or CSP violations', () => {
    expect([...reception.problems, ...nurse.problems]).toEqual([]);
  });
});
