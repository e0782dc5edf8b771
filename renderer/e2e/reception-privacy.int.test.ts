import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { describe, expect } from 'vitest';
import { axeScan } from '@renderer/testing/axe';
import { openApp, openScreen } from '@renderer/testing/browser';
import { browserTest } from '@renderer/testing/browser-test';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, signInAs } from '@renderer/testing/sign-in';
import { showBoardFor, UI_TIMEOUT } from '@renderer/testing/booking-steps';

interface Reply<T> {
  ok: boolean;
  result: T;
  error?: { message: string };
}

/** What a doctor sees of one signed consultation (found through a doctor's own session). */
interface SignedRecord {
  appointmentId: string;
  number: string;
  patientId: string;
  patientCode: string;
  date: string;
  /** Consultation texts a receptionist must never be shown or sent. */
  secrets: string[];
}

/** The Socket.IO frames the receptionist's page received. */
const frames: string[] = [];

const test = browserTest
  .extend('record', { scope: 'file' }, ({ hub }) => signedRecordSeenByDoctor(hub.url))
  .extend('app', { scope: 'file' }, async ({ hub, browser }) => {
    const app = await openApp(browser, hub.url);
    app.page.on('websocket', (ws) => {
      ws.on('framereceived', (frame) => frames.push(String(frame.payload)));
    });
    await app.page.reload(); // the app's socket opens again, now observed
    await signInAs(app.page, 'receptionist');
    return app;
  });

/**
 * docs/product.md §1/§8: reception never sees consultation content. A doctor's session (another device)
 * first reads a signed consultation to learn its texts; then a receptionist browses the Today
 * board, the appointment drawer and the patient's profile: none of those texts is on screen or
 * in any Socket.IO frame the receptionist's page receives, and no frame carries consultation keys.
 */
describe('reception privacy: no consultation content on screen or on the wire', () => {
  test('the doctor’s view of the record has consultation texts to look for', ({ record }) => {
    expect(record.secrets.length).toBeGreaterThan(0);
    console.log(`appointment ${record.number}: looking for ${JSON.stringify(record.secrets)}`);
  });

  test('Today board and the appointment drawer show none of it', async ({ app, record }) => {
    const { page } = app;
    await showBoardFor(page, record.date);
    const card = page.getByTestId('board-appointment').filter({ hasText: record.number });
    await card.waitFor(UI_TIMEOUT);
    await expectNoSecrets(page, record);
    await card.click();
    const drawer = page.getByTestId('appointment-drawer');
    await drawer.getByTestId('appointment-history').waitFor(UI_TIMEOUT);
    await expectNoSecrets(page, record);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden', ...UI_TIMEOUT });
  }, 120_000);

  test('the patient’s profile (visit history, appointments, bills) shows none of it', async ({
    app,
    record,
  }) => {
    const { page } = app;
    await openScreen(page, 'Patients');
    await page.getByRole('searchbox', { name: /search patients/i }).fill(record.patientCode);
    await page.getByTestId('patient-row').filter({ hasText: record.patientCode }).getByRole('link').click();
    const visits = page.getByRole('region', { name: 'Visit history' });
    await visits.getByText(record.number).waitFor(UI_TIMEOUT);
    await expectNoSecrets(page, record);
    expect(await axeScan(page)).toEqual([]);
    await visits.getByRole('button', { name: record.number }).click();
    await page.getByTestId('appointment-drawer').getByTestId('appointment-history').waitFor(UI_TIMEOUT);
    await expectNoSecrets(page, record);
    await page.keyboard.press('Escape');
  }, 120_000);

  test('none of it on any of the patient’s bills (items, payments, receipt)', async ({ app, record }) => {
    const { page } = app;
    const bills = page.getByTestId('profile-bill');
    const count = await bills.count();
    expect(count).toBeGreaterThan(0); // a completed visit is billed
    for (let i = 0; i < count; i++) {
      await bills.nth(i).getByRole('link').click();
      await page.getByRole('region', { name: 'Bill summary' }).getByTestId('bill-status').waitFor(UI_TIMEOUT);
      await expectNoSecrets(page, record);
      await page.goBack();
      await bills.nth(i).waitFor(UI_TIMEOUT);
    }
  }, 120_000);

  test('none of it on the Appointments list, the queue or the Billing screen', async ({ app, record }) => {
    const { page } = app;
    const open = async (screen: string, heading = screen) => {
      await openScreen(page, screen);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor(UI_TIMEOUT);
    };
    await open('Appointments');
    await page.getByRole('button', { name: 'All dates' }).click();
    await page.getByRole('searchbox', { name: /search appointments/i }).fill(record.number);
    await page.getByTestId('appointment-row').filter({ hasText: record.number }).click();
    await page.getByTestId('appointment-drawer').getByTestId('appointment-history').waitFor(UI_TIMEOUT);
    await expectNoSecrets(page, record);
    await page.keyboard.press('Escape');

    await open('Queue', 'Queue and check-in');
    await page.getByTestId('in-consultation').first().waitFor(UI_TIMEOUT);
    await page.getByTestId('queue-row').or(page.getByText('Nobody is waiting')).first().waitFor(UI_TIMEOUT);
    await expectNoSecrets(page, record);

    await open('Billing');
    await page.getByTestId('bill-row').or(page.getByText('No bills today yet')).first().waitFor(UI_TIMEOUT);
    await expectNoSecrets(page, record);
  }, 120_000);

  test('no frame the receptionist’s page received carries consultation texts or keys', ({ record }) => {
    expect(frames.length).toBeGreaterThan(10);
    expect(frames.some((f) => f.includes(record.patientCode))).toBe(true); // the frames were observed
    for (const frame of frames) {
      for (const secret of record.secrets)
        expect(frame, 'a consultation text on the wire').not.toContain(secret);
      for (const key of CONSULTATION_KEYS) {
        expect(frame, `key ${key} on the wire`).not.toContain(`"${key}"`);
      }
    }
  });

  test('ran without console errors, page errors or CSP violations', ({ app }) => {
    expect(app.problems).toEqual([]);
  });
});

/** Keys only a consultation record has: none may reach a receptionist's page. */
const CONSULTATION_KEYS = [
  'clinicalNotes',
  'diagnosis',
  'chiefComplaint',
  'examinationNotes',
  'advice',
  'vitals',
  'prescription',
  'dosePattern',
  'followUpDate',
];

async function expectNoSecrets(page: Page, record: SignedRecord): Promise<void> {
  const text = await page.locator('body').innerText();
  for (const secret of record.secrets) expect(text, 'a consultation text on screen').not.toContain(secret);
}

/** A doctor's session on its own device: the newest completed appointment with a signed record. */
async function signedRecordSeenByDoctor(url: string): Promise<SignedRecord> {
  const deviceId = randomUUID();
  const socket: Socket = io(url, {
    transports: ['websocket'],
    auth: { deviceId, kind: 'browser', deviceName: 'privacy test (doctor)' },
  });
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const reply = (await socket.timeout(30_000).emitWithAck('call', { name, input })) as Reply<T>;
    if (!reply.ok) throw new Error(`${name}: ${reply.error?.message}`);
    return reply.result;
  };
  try {
    const session = await call<{ token: string }>('auth.login', {
      username: DEMO_ACCOUNTS.doctor.username,
      password: DEMO_PASSWORD,
      deviceId,
    });
    await socket.timeout(30_000).emitWithAck('auth', { token: session.token });
    const settings = await call<{ timeZone: string }>('settings.get', {});
    const clinicDate = new Intl.DateTimeFormat('en-CA', { timeZone: settings.timeZone });
    const completed = await call<{
      items: { id: string; number: string | null; patientId: string; startsAt: string; note: string }[];
    }>('appointments.list', { statuses: ['COMPLETED'], limit: 200 });
    const newest = [...completed.items].sort((a, b) => b.startsAt.localeCompare(a.startsAt));
    for (const a of newest.slice(0, 40)) {
      const view = await call<{ consultation: Consultation } | null>('consultations.get', {
        appointmentId: a.id,
      });
      const c = view?.consultation;
      if (!c || c.status !== 'finalized' || !a.number) continue;
      const patient = await call<{ code: string; allergies: string[]; chronicConditions: string[] }>(
        'patients.get',
        { id: a.patientId },
      );
      // What reception may see anyway: the booking note, allergies and conditions, and the bill's
      // items (tests and medicines the clinic charges for, docs/product.md §9).
      const shown = [
        a.note,
        ...patient.allergies,
        ...patient.chronicConditions,
        ...c.tests.map((t) => t.name),
      ].map((s) => s.toLowerCase());
      const secrets = [
        c.chiefComplaint,
        c.diagnosis.text,
        c.examinationNotes,
        c.clinicalNotes,
        c.advice,
        ...c.prescription.flatMap((p) => [p.medicine, p.instructions]),
        ...c.tests.map((t) => t.notes),
      ]
        .map((s) => s.trim())
        .filter((s) => s.length >= 8 && !shown.some((d) => d.includes(s.toLowerCase())));
      if (secrets.length === 0) continue;
      return {
        appointmentId: a.id,
        number: a.number,
        patientId: a.patientId,
        patientCode: patient.code,
        date: clinicDate.format(new Date(a.startsAt)),
        secrets,
      };
    }
    throw new Error('The demo has no signed consultation among the newest completed appointments');
  } finally {
    socket.close();
  }
}

interface Consultation {
  status: string;
  chiefComplaint: string;
  diagnosis: { text: string };
  examinationNotes: string;
  clinicalNotes: string;
  advice: string;
  prescription: { medicine: string; instructions: string }[];
  tests: { name: string; notes: string }[];
}
