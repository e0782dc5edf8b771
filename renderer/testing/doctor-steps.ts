import type { Page } from 'playwright-core';
import { openApp } from '@renderer/testing/browser';
import { signInAs } from '@renderer/testing/sign-in';
import { AUTOSAVE_DELAY_MS } from '@renderer/screens/doctor/consultation/autosave-delay';

/** Browser steps for the doctor's screens, through the UI only (screenshots; see the e2e test). */
const WAIT = { timeout: 60_000 };

/** A walk-in as the reception Walk-in dialog takes it. */
export interface WalkIn {
  doctor: string;
  patientCode?: string;
  newName?: string;
  urgent?: boolean;
  /** Default: queue between the scheduled patients (works at any time of day). */
  placement?: 'queue' | 'next_free_slot';
}

/**
 * Reception adds a walk-in for a doctor in its own browser context (a second desktop), queued
 * between the scheduled patients, so it works at any time of day. `patientCode` picks a registered
 * patient; otherwise `newName` registers one. Returns the token.
 */
export async function addWalkIn(doctorPage: Page, walkIn: WalkIn): Promise<string> {
  const browser = doctorPage.context().browser();
  if (!browser) throw new Error('addWalkIn needs a page from a launched browser');
  const app = await openApp(browser, new URL(doctorPage.url()).origin);
  try {
    await signInAs(app.page, 'receptionist');
    return await addWalkInAt(app.page, walkIn);
  } finally {
    await app.close();
  }
}

/**
 * The Walk-in dialog on a page signed in at reception (from the Queue screen); leaves the dialog
 * open on its result. Returns the token.
 */
export async function addWalkInAt(r: Page, walkIn: WalkIn): Promise<string> {
  await r.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queue' }).click();
  await r.getByRole('button', { name: 'Walk-in' }).click();
  const dialog = r.getByRole('dialog');
  if (walkIn.patientCode) {
    await dialog.getByRole('combobox', { name: 'Find the patient' }).fill(walkIn.patientCode);
    await dialog
      .getByRole('button', { name: new RegExp(walkIn.patientCode) })
      .first()
      .click();
  } else {
    await dialog.getByText('New patient').click();
    await dialog.getByLabel('Full name').fill(walkIn.newName ?? 'Walk-in Patient');
  }
  const doctorSelect = dialog.getByLabel('Doctor');
  const option = await doctorSelect
    .locator('option', { hasText: walkIn.doctor })
    .first()
    .getAttribute('value');
  await doctorSelect.selectOption(option ?? '');
  await dialog
    .getByText(
      walkIn.placement === 'next_free_slot' ? 'Next free slot today' : 'Queue between scheduled patients',
    )
    .click();
  if (walkIn.urgent) await dialog.getByText('Urgent (goes first)').click();
  await dialog.getByRole('button', { name: 'Add walk-in' }).click();
  const result = r.getByTestId('walk-in-result');
  await result.waitFor(WAIT);
  return /Token ([A-Z]+-\d+)/.exec(await result.innerText())?.[1] ?? '';
}

/** From My queue: the patient in the room, or call the next one in; opens the workspace. */
export async function openConsultation(page: Page): Promise<void> {
  const current = page.getByTestId('current-patient');
  await current.waitFor(WAIT);
  const open = current.getByRole('button', { name: 'Open consultation' });
  if ((await open.count()) === 0) {
    if ((await current.getByRole('button', { name: 'Start consultation' }).count()) === 0) {
      await page.getByRole('button', { name: 'Call next', exact: true }).click();
    }
    await current.getByRole('button', { name: 'Start consultation' }).click();
  } else {
    await open.click();
  }
  await page.getByRole('heading', { name: 'Consultation', level: 1 }).waitFor(WAIT);
  await page.getByLabel('Chief complaint').waitFor(WAIT);
}

/** Fills the workspace like a short visit: vitals, complaint, diagnosis, advice, two medicines. */
export async function fillConsultation(page: Page): Promise<void> {
  const fill = async (label: string, value: string, exact = false) =>
    page.getByLabel(label, { exact }).fill(value);
  await fill('BP systolic (mmHg)', '128');
  await fill('BP diastolic (mmHg)', '84');
  await fill('Pulse (/min)', '76');
  await fill('Temperature (°C)', '38.2');
  await fill('SpO₂ (%)', '98');
  await fill('Weight (kg)', '68.5');
  await fill('Chief complaint', 'Fever and sore throat for two days');
  await fill('Diagnosis', 'Acute pharyngitis', true);
  await fill('Code (optional)', 'J02.9');
  await fill('Advice for the patient', 'Warm saline gargles, plenty of fluids, rest.');
  const rows = page.getByTestId('prescription-row');
  const medicines = [
    { medicine: 'Paracetamol', strength: '650 mg', dose: '1-1-1', days: '3' },
    { medicine: 'Azithromycin', strength: '500 mg', dose: '1-0-0', days: '5' },
  ];
  for (const m of medicines) {
    await page.getByRole('button', { name: /Add medicine/ }).click();
    const row = rows.last();
    await row.getByLabel('Medicine', { exact: true }).fill(m.medicine);
    await row.getByLabel('Strength').fill(m.strength);
    await row.getByLabel('Dose pattern').fill(m.dose);
    await row.getByLabel('Timing').selectOption('after_food');
    await row.getByLabel('Days').fill(m.days);
  }
}

/** Saves, signs (acknowledging any allergy warning) and completes the visit; the PDF shows. */
export async function finalizeAndComplete(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Finalize…' }).click();
  const confirm = page.getByRole('alertdialog');
  await confirm.getByText(/read-only/).waitFor(WAIT);
  const ack = confirm.getByText(/I have reviewed the allergy warnings/);
  if ((await ack.count()) > 0) await ack.click();
  await confirm.getByRole('button', { name: 'Sign and finalize' }).click();
  await page.getByRole('button', { name: 'Complete visit' }).click();
  await page.getByRole('button', { name: 'Complete visit' }).waitFor({ state: 'detached', ...WAIT });
}

/**
 * From My queue: signs and completes the visit of a patient already in consultation (the demo
 * leaves one in each in-session doctor's room), then back on My queue with nobody in the room.
 */
export async function finishPatientInRoom(page: Page): Promise<void> {
  const current = page.getByTestId('current-patient');
  await current.waitFor(WAIT);
  if ((await current.getByRole('button', { name: 'Open consultation' }).count()) === 0) return;
  await openConsultation(page);
  const diagnosis = page.getByLabel('Diagnosis', { exact: true });
  if (!(await diagnosis.inputValue())) await diagnosis.fill('Viral fever');
  await finalizeAndComplete(page);
  await page.getByRole('button', { name: 'Back to my queue' }).click();
  await page.getByRole('heading', { name: 'My queue', level: 1 }).waitFor(WAIT);
  await current.getByText('Nobody is with you').waitFor(WAIT);
}

/**
 * Holds the consultation's autosave back (its timer is stretched to ten minutes) or lets it go
 * again, so a step can keep typing unsaved however slowly the machine runs; "Save draft" still
 * saves at once.
 */
export async function holdAutosave(doctorPage: Page, held: boolean): Promise<void> {
  await doctorPage.evaluate(
    ({ held, delay }) => {
      const w = window as typeof window & { unheldSetTimeout?: typeof window.setTimeout };
      w.unheldSetTimeout ??= window.setTimeout.bind(window);
      const original = w.unheldSetTimeout;
      window.setTimeout = held
        ? (((handler: TimerHandler, ms?: number, ...rest: unknown[]) =>
            original(handler, ms === delay ? 600_000 : ms, ...rest)) as typeof window.setTimeout)
        : original;
    },
    { held, delay: AUTOSAVE_DELAY_MS },
  );
}
