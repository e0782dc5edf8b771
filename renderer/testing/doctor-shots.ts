import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openApp } from '@renderer/testing/browser';
import { seededTemplate } from '@renderer/testing/demo-hub';
import { signInAs } from '@renderer/testing/sign-in';
import { bookRequest, setBookingConfirmation } from '@renderer/testing/requests-steps';
import {
  addWalkIn,
  fillConsultation,
  finalizeAndComplete,
  openConsultation,
} from '@renderer/testing/doctor-steps';

/** The doctor's screenshots for scripts/screenshots.ts (same shape as its `Shot`), in order. */
interface DoctorShot {
  name: string;
  role: 'doctor';
  path: string;
  ready: (page: Page) => Promise<unknown>;
  act?: (page: Page) => Promise<unknown>;
}

const DOCTOR = 'Dr. Arvind Menon';
const WAIT = { timeout: 60_000 };

/** A demo patient with a recorded allergy, so the workspace shows its allergy banner. */
async function allergicPatientCode(): Promise<string | undefined> {
  const db = new Database(join(await seededTemplate(), 'clinic.db'), { readonly: true });
  try {
    const row = db
      .prepare(`SELECT code FROM patients WHERE allergies != '[]' ORDER BY code LIMIT 1`)
      .get() as { code: string } | undefined;
    return row?.code;
  } finally {
    db.close();
  }
}

const queueReady = (page: Page) => page.getByTestId('current-patient').waitFor(WAIT);
/** Toasts would cover the screen: close them and wait until they are gone. */
async function dismissToasts(page: Page): Promise<void> {
  const close = page.locator('[data-scope="toast"][data-part="close-trigger"]');
  for (const button of await close.all()) await button.click({ force: true, timeout: 5_000 }).catch(() => {});
  await page.waitForFunction(
    () => !document.querySelector('[data-scope="toast"][data-part="root"]'),
    null,
    WAIT,
  );
}
const scrollTop = (page: Page) => page.locator('main').evaluate((main) => main.scrollTo(0, 0));

export const doctorShots: DoctorShot[] = [
  {
    name: 'doctor-queue',
    role: 'doctor',
    path: '/my-queue',
    ready: queueReady,
    act: async (page) => {
      const code = await allergicPatientCode();
      await addWalkIn(page, { doctor: DOCTOR, patientCode: code, newName: 'Meera Nair', urgent: true });
      await addWalkIn(page, { doctor: DOCTOR, newName: 'Rahul Verma' });
      await page.getByTestId('queue-row').filter({ hasText: 'Rahul Verma' }).waitFor(WAIT);
      await dismissToasts(page);
    },
  },
  {
    name: 'doctor-consultation',
    role: 'doctor',
    path: '/my-queue',
    ready: queueReady,
    act: async (page) => {
      await openConsultation(page);
      await fillConsultation(page);
      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.getByText(/^Draft saved at/).waitFor(WAIT);
      await dismissToasts(page);
      await scrollTop(page);
    },
  },
  {
    name: 'doctor-prescription',
    role: 'doctor',
    path: '/my-queue',
    ready: queueReady,
    act: async (page) => {
      await openConsultation(page);
      await finalizeAndComplete(page);
      await page.getByTestId('prescription-pdf').scrollIntoViewIfNeeded();
      await page.getByRole('heading', { name: 'Prescription PDF' }).evaluate((h) => h.scrollIntoView());
      await dismissToasts(page);
    },
  },
  {
    name: 'doctor-schedule',
    role: 'doctor',
    path: '/schedule',
    ready: (page) => page.getByTestId('schedule-day').first().waitFor(WAIT),
  },
  {
    name: 'doctor-requests',
    role: 'doctor',
    path: '/requests',
    ready: (page) => page.getByRole('heading', { name: 'Requests', level: 1 }).waitFor(WAIT),
    act: async (page) => {
      await bookTwoRequests(page);
      await page.getByTestId('request-row').nth(1).waitFor(WAIT);
      await dismissToasts(page);
    },
  },
];

/**
 * Two booking requests for the doctor: the admin turns confirmation on, reception books two new
 * patients (each in its own browser context), and the admin turns it off again, as the demo had it.
 */
async function bookTwoRequests(doctorPage: Page): Promise<void> {
  const browser = doctorPage.context().browser();
  if (!browser) throw new Error('bookTwoRequests needs a page from a launched browser');
  const url = new URL(doctorPage.url()).origin;
  const [admin, reception] = [await openApp(browser, url), await openApp(browser, url)];
  try {
    await signInAs(admin.page, 'admin');
    await signInAs(reception.page, 'receptionist');
    await setBookingConfirmation(admin.page, true);
    for (const name of ['Kiran Rao', 'Deepa Shetty']) await bookRequest(reception.page, DOCTOR, name);
    await setBookingConfirmation(admin.page, false);
  } finally {
    await admin.close();
    await reception.close();
  }
}
