import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect } from 'vitest';
import { axeScan } from '@renderer/testing/axe';
import { type AppPage, openApp, openScreen } from '@renderer/testing/browser';
import { browserTest } from '@renderer/testing/browser-test';
import { signInAs } from '@renderer/testing/sign-in';
import { addWalkInAt, holdAutosave } from '@renderer/testing/doctor-steps';
import { uniqueName } from '@renderer/testing/booking-steps';

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

const test = browserTest
  .extend('reception', { scope: 'file' }, ({ signedIn }) => signedIn('receptionist'))
  .extend('nurse', { scope: 'file' }, ({ signedIn }) => signedIn('nurse'))
  .extend('doctor', { scope: 'file' }, ({ signedIn }) => signedIn('doctor'));

/**
 * docs/product.md §1: a nurse records vitals for checked-in patients, and never writes diagnoses or
 * prescriptions. Reception checks a walk-in in; the nurse (her own desktop) records the vitals,
 * refused first with the field named; the doctor's open workspace fills them in live. The nurse
 * sees them again after a reload and corrects one; readings the doctor typed are kept, and so are
 * the nurse's corrections of readings the doctor did not type.
 */
describe('nurse: vitals for a checked-in patient', () => {
  const name = uniqueName('Vani');
  let appointmentId = '';
  /** What the doctor's page heard from the hub (Socket.IO frames), to know a push has arrived. */
  const doctorRecord = (doctor: AppPage) => doctor.page.getByRole('form', { name: 'Consultation record' });
  const takenCell = (nurse: AppPage) =>
    nurse.page.getByTestId('vitals-row').filter({ hasText: name }).getByTestId('vitals-taken');

  test('the nurse’s home lists the patient reception checks in, live', async ({ reception, nurse }) => {
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
  }, 300_000); // also starts the hub and the browser (file fixtures)

  test('the doctor has the patient’s workspace open before any vitals are taken', async ({ doctor, hub }) => {
    await doctor.page.goto(`${hub.url}/consultation/${appointmentId}`);
    await doctorRecord(doctor).waitFor(TIMEOUT);
    expect(await doctorRecord(doctor).getByLabel('Pulse (/min)').inputValue()).toBe('');
  }, 120_000);

  test('refuses impossible readings naming the box, then records them; the open workspace fills in', async ({
    nurse,
    doctor,
  }) => {
    const { page } = nurse;
    await page.getByRole('button', { name: `Record vitals for ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Vitals: ${name}` });
    await dialog.waitFor(TIMEOUT);
    for (const [label, value] of Object.entries(READINGS)) await dialog.getByLabel(label).fill(value);
    const save = dialog.getByRole('button', { name: 'Save vitals' });
    // Issue 16: BP 300/80 is not a possible reading.
    await dialog.getByLabel('BP systolic (mmHg)').fill('300');
    await dialog.getByLabel('BP diastolic (mmHg)').fill('80');
    await save.click();
    await dialog.getByText('must be at most 280 mmHg: check the reading').waitFor(TIMEOUT);
    expect(await dialog.getByLabel('BP systolic (mmHg)').getAttribute('aria-invalid')).toBe('true');
    await dialog.getByLabel('BP systolic (mmHg)').fill(READINGS['BP systolic (mmHg)']);
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
    await takenCell(nurse)
      .getByText('BP 128/84 mmHg · Pulse 76 /min · Temperature 37.2 °C · SpO₂ 98 % · Weight 61.5 kg')
      .waitFor(TIMEOUT);

    for (const [label, value] of Object.entries(READINGS)) {
      await expect.poll(() => doctorRecord(doctor).getByLabel(label).inputValue(), TIMEOUT).toBe(value);
    }
    await doctor.page.getByTestId('vitals-arrived').waitFor(TIMEOUT);
  }, 120_000);

  test('after a reload the nurse still sees them, and corrects one reading; the doctor’s form follows', async ({
    nurse,
    doctor,
  }) => {
    const { page } = nurse;
    await page.reload();
    await takenCell(nurse).getByText('Pulse 76 /min').waitFor(TIMEOUT);
    await page.getByRole('button', { name: `Correct vitals for ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Vitals: ${name}` });
    await dialog.waitFor(TIMEOUT);
    for (const [label, value] of Object.entries(READINGS)) {
      expect(await dialog.getByLabel(label).inputValue()).toBe(value);
    }
    await dialog.getByLabel('Weight (kg)').fill('62');
    await dialog.getByRole('button', { name: 'Save vitals' }).click();
    await dialog.waitFor({ state: 'hidden', ...TIMEOUT });
    await takenCell(nurse).getByText('Weight 62 kg').waitFor(TIMEOUT);
    await expect.poll(() => doctorRecord(doctor).getByLabel('Weight (kg)').inputValue(), TIMEOUT).toBe('62');
    expect(await doctorRecord(doctor).getByLabel('Pulse (/min)').inputValue()).toBe('76');
  }, 120_000);

  test('the nurse’s correction and the doctor’s unsaved reading both stay (merged per reading)', async ({
    nurse,
    doctor,
  }) => {
    await doctorRecord(doctor).getByLabel('Pulse (/min)').fill('88');
    await doctor.page.getByRole('button', { name: 'Save draft' }).click();
    await doctor.page.getByTestId('save-status').getByText('Draft saved').waitFor(TIMEOUT);
    await takenCell(nurse).getByText('Pulse 88 /min').waitFor(TIMEOUT);

    const { page } = nurse;
    await page.getByRole('button', { name: `Correct vitals for ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Vitals: ${name}` });
    await dialog.getByLabel('Pulse (/min)').fill('90');
    // The doctor types a weight, and the nurse saves. The doctor's autosave (after a 2 s pause)
    // is held back meanwhile, so the nurse's reading meets unsaved typing however slow the machine.
    await holdAutosave(doctor.page, true);
    await doctorRecord(doctor).getByLabel('Weight (kg)').fill('63');
    await dialog.getByRole('button', { name: 'Save vitals' }).click();
    await dialog.waitFor({ state: 'hidden', ...TIMEOUT });
    await takenCell(nurse).getByText('Pulse 90 /min').waitFor(TIMEOUT);
    // Issue 18 item 9: the pulse (not typed over since the doctor's save) follows the nurse's
    // correction; the weight the doctor is typing stays, and the save sends both as they are.
    await expect.poll(() => doctorRecord(doctor).getByLabel('Pulse (/min)').inputValue(), TIMEOUT).toBe('90');
    const status = await doctor.page.getByTestId('save-status').innerText();
    expect(status, 'the doctor’s weight must still be unsaved for this check').toMatch(/^Unsaved/);
    expect(await doctorRecord(doctor).getByLabel('Weight (kg)').inputValue()).toBe('63');
    await holdAutosave(doctor.page, false);
    await doctor.page.getByRole('button', { name: 'Save draft' }).click();
    await takenCell(nurse).getByText('Weight 63 kg').waitFor(TIMEOUT);
    expect(await takenCell(nurse).innerText()).toContain('Pulse 90 /min');
  }, 120_000);

  test('flags 150/95 beside the reading on the nurse’s screen and in the doctor’s workspace', async ({
    nurse,
    doctor,
  }) => {
    const { page } = nurse;
    await page.getByRole('button', { name: `Correct vitals for ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Vitals: ${name}` });
    await dialog.getByLabel('BP systolic (mmHg)').fill('150');
    await dialog.getByLabel('BP diastolic (mmHg)').fill('95');
    await dialog.getByTestId('vital-flag').getByText('High BP').waitFor(TIMEOUT); // as she types
    await dialog.getByRole('button', { name: 'Save vitals' }).click();
    await dialog.waitFor({ state: 'hidden', ...TIMEOUT });
    await takenCell(nurse).getByText('BP 150/95 mmHg', { exact: false }).waitFor(TIMEOUT);
    expect(await takenCell(nurse).getByTestId('vital-flag').allInnerTexts()).toEqual(['High BP']);

    await expect
      .poll(() => doctorRecord(doctor).getByLabel('BP systolic (mmHg)').inputValue(), TIMEOUT)
      .toBe('150');
    await doctorRecord(doctor).getByTestId('vital-flag').getByText('High BP').waitFor(TIMEOUT);
    expect(await doctorRecord(doctor).getByTestId('vital-flag').allInnerTexts()).toEqual(['High BP']);
    expect(await axeScan(doctor.page)).toEqual([]);
  }, 120_000);

  test('in a °F clinic the nurse enters 98.6, the hub stores 37 °C, and both screens show °F', async ({
    nurse,
    doctor,
    hub,
    browser,
  }) => {
    const admin = await openApp(browser, hub.url);
    await signInAs(admin.page, 'admin');
    await openScreen(admin.page, 'Settings');
    const settings = admin.page.getByRole('form', { name: 'Clinic settings' });
    await settings.getByLabel('Temperature unit').selectOption('F');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await admin.page.getByText('Settings saved').first().waitFor(TIMEOUT);
    expect(admin.problems).toEqual([]);

    const { page } = nurse;
    await page.reload();
    await takenCell(nurse).getByText('Temperature 99 °F').waitFor(TIMEOUT); // 37.2 °C recorded before
    await page.getByRole('button', { name: `Correct vitals for ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Vitals: ${name}` });
    await dialog.waitFor(TIMEOUT);
    expect(await dialog.getByLabel('Temperature (°F)').inputValue()).toBe('99');
    await dialog.getByLabel('Temperature (°F)').fill('98.6');
    await dialog.getByRole('button', { name: 'Save vitals' }).click();
    await dialog.waitFor({ state: 'hidden', ...TIMEOUT });
    await takenCell(nurse).getByText('Temperature 98.6 °F').waitFor(TIMEOUT);
    const db = new BetterSqlite3(join(hub.dataDir, 'clinic.db'), { readonly: true });
    try {
      const row = db
        .prepare('SELECT vitals FROM consultations WHERE appointmentId = ?')
        .get(appointmentId) as { vitals: string };
      expect(JSON.parse(row.vitals)).toMatchObject({ temperatureC: 37, systolic: 150 });
    } finally {
      db.close();
    }

    await doctor.page.reload();
    await expect
      .poll(() => doctorRecord(doctor).getByLabel('Temperature (°F)').inputValue(), TIMEOUT)
      .toBe('98.6');
    await doctorRecord(doctor).getByLabel('Temperature (°F)').fill('101.3');
    await doctorRecord(doctor).getByTestId('vital-flag').getByText('Fever').waitFor(TIMEOUT);
  }, 180_000);

  test('ran without console errors, page errors or CSP violations', ({ reception, nurse, doctor }) => {
    expect([...reception.problems, ...nurse.problems, ...doctor.problems]).toEqual([]);
  });
});
