import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import type { PatientAppointment } from '@shared/gateway/appointments.schema';
import { axeScan } from '@renderer/testing/axe';
import { settle } from '@renderer/testing/browser';
import { companionTest as test, gatewayCall } from '@renderer/testing/companion-phone';
import { textedCode } from '@renderer/testing/patient-app-steps';
import { DEMO_PASSWORD } from '@renderer/testing/sign-in';
import { type StaffSocket, staffSocket } from '@renderer/testing/staff-socket';
import { addDays, clinicToday } from '@renderer/companion/screens/booking/date-strip';

/**
 * The patient's whole journey (issue 20, item 6) on a phone, in English, against one demo hub:
 * sign up in the app → the SMS code → book Dr. Singh tomorrow → reception sees it in the real
 * staff app → on the day reception checks in → the live card follows the doctor's calls → the
 * doctor finalizes → the summary and its prescription PDF on the phone. With COMPANION_SHOTS set
 * (a folder), the main screens are screenshotted in English and Hindi at the end.
 */
const ZONE = 'Asia/Kolkata';
const SINGH = 'Dr. Harpreet Singh';
const TIMEOUT = { timeout: 30_000 };
const SHOTS = process.env.COMPANION_SHOTS;

async function expectAccessible(page: Page, screen: string) {
  await settle(page);
  const problems = await axeScan(page);
  expect(problems, `${screen}: ${JSON.stringify(problems, null, 1)}`).toEqual([]);
}

/** The main phone screens, one PNG each, in the language the phone shows now. */
async function screenshotMainScreens(page: Page, appUrl: string, language: 'en' | 'hi') {
  if (!SHOTS) return;
  const screens: [string, string, string][] = [
    ['home', '/', `[data-testid="next-appointment"] >> text=${SINGH}`],
    ['booking', '/book', `[data-doctor="${SINGH}"]`],
    ['appointments', '/appointments', '[data-appointment]'],
    ['records', '/records/visits', 'a[href^="/records/visits/"]'],
    ['profile', '/profile', 'h1'],
  ];
  for (const [name, path, ready] of screens) {
    await page.goto(`${appUrl}${path}`);
    await page.locator(ready).first().waitFor(TIMEOUT);
    await settle(page);
    // The phone's screen as the patient sees it (a full-page capture would draw the fixed bottom
    // bar in the middle of the page).
    await page.screenshot({ path: `${SHOTS}/${name}-${language}.png` });
  }
}

describe('the companion app: a patient’s whole journey on a phone', () => {
  test('sign up → book Dr. Singh tomorrow → checked in → live card → summary and prescription PDF', async ({
    hub,
    appUrl,
    phone,
    newPatient,
    signedIn,
  }) => {
    // Not one of the demo's patients (the hub is this file's own): reception finds exactly them.
    const name = 'Kiran Malhotra';
    const number = `97${String(process.pid % 10_000).padStart(4, '0')}${String(Date.now() % 10_000).padStart(4, '0')}`;
    const device = await phone({ language: 'en' });
    const { page, context } = device;

    // Sign up in the app's screens, with the code the clinic texted.
    await page.getByRole('link', { name: 'Create an account' }).click(TIMEOUT);
    await page.getByRole('heading', { name: 'Create an account' }).waitFor(TIMEOUT);
    await page.getByLabel('Full name').fill(name);
    await page.getByLabel('Mobile number').fill(number);
    await page.getByLabel('Date of birth').fill('1988-04-12');
    await page.getByRole('button', { name: 'Send me a code' }).click();
    await page.getByRole('heading', { name: 'Enter your code' }).waitFor(TIMEOUT);
    const { code } = textedCode(hub.dataDir, number);
    await page.getByLabel('6-digit code from the SMS').fill(code);
    await page.getByLabel('New password').fill('journey password 1');
    await page.getByRole('button', { name: 'Activate and sign in' }).click();
    await page.getByRole('link', { name: 'Profile' }).waitFor(TIMEOUT);
    const session = await page.evaluate(() => localStorage.getItem('clinic.companion.session'));
    const token = (JSON.parse(session!) as { token: string }).token;

    // Book Dr. Singh tomorrow (or his next working day) through the booking screens.
    const doctors = await gatewayCall<{ id: string; fullName: string }[]>(appUrl, 'GET', '/doctors', {
      token,
    });
    const singhId = doctors.body.find((d) => d.fullName === SINGH)!.id;
    let date = addDays(clinicToday(ZONE), 1);
    let free: string[] = [];
    for (let i = 0; i < 7; i++) {
      const day = await gatewayCall<{ slots: { start: string }[] }>(
        appUrl,
        'GET',
        `/slots?doctorId=${singhId}&date=${date}`,
        { token },
      );
      free = day.body.slots.map((s) => s.start);
      if (free.length >= 2) break;
      date = addDays(date, 1);
    }
    await page.getByRole('link', { name: 'Book' }).first().click();
    await page.getByRole('link', { name: `Choose a day with ${SINGH}` }).click(TIMEOUT);
    await page.locator(`[data-day="${date}"]`).click(TIMEOUT);
    // The second free time: another patient takes the first, to be ahead of me in the queue.
    const [earlier, startsAt] = [free[0]!, free[1]!];
    const slot = page.locator(`[data-slot="${startsAt}"]`);
    await slot.waitFor(TIMEOUT);
    await slot.click();
    await page.getByRole('heading', { name: 'Confirm your visit' }).waitFor(TIMEOUT);
    await page.getByRole('button', { name: /^(Book|Send booking request)$/ }).click();
    await page.getByRole('heading', { name: /^(Booked|Request sent)$/ }).waitFor(TIMEOUT);
    const [mine] = (
      await gatewayCall<PatientAppointment[]>(appUrl, 'GET', '/appointments?when=upcoming', { token })
    ).body;
    expect(mine?.startsAt).toBe(startsAt);

    // Staff sessions end overnight: new ones on the day (below).
    let reception = await staffSocket(hub.url, 'receptionist');
    let singh: StaffSocket | null = null;
    try {
      if (mine!.status === 'REQUESTED') await reception.call('appointments.confirm', { id: mine!.id });
      // Someone booked just before me, to be ahead of me in the queue on the day.
      const other = await newPatient('Ahead Patient');
      const otherVisit = await gatewayCall<{ appointment: PatientAppointment }>(
        appUrl,
        'POST',
        '/appointments',
        { token: other.token, body: { doctorId: singhId, startsAt: earlier } },
      );
      expect(otherVisit.status).toBe(201);
      const otherId = otherVisit.body.appointment.id;
      if (otherVisit.body.appointment.status === 'REQUESTED')
        await reception.call('appointments.confirm', { id: otherId });

      // Reception sees the booking in the real staff app.
      const desk = await signedIn('receptionist');
      try {
        const r = desk.page;
        await r.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Appointments' }).click();
        await r.getByRole('heading', { name: 'Appointments', level: 1 }).waitFor(TIMEOUT);
        await r.getByRole('button', { name: 'All dates' }).click();
        await r.getByRole('searchbox', { name: /search appointments/i }).fill(name);
        const row = r.getByTestId('appointment-row').filter({ hasText: name });
        await row.waitFor(TIMEOUT);
        await expect.poll(() => row.innerText(), TIMEOUT).toContain('Harpreet Singh');
      } finally {
        await desk.close();
      }

      // On the day, half an hour before the first of the two visits.
      const minutes = Math.floor((Date.parse(earlier) - Date.now()) / 60_000) - 30;
      await hub.advanceClock(minutes);
      reception.close();
      reception = await staffSocket(hub.url, 'receptionist');
      const doctor = await staffSocket(hub.url, { username: 'dr.singh', password: DEMO_PASSWORD });
      singh = doctor;
      await reception.call('queue.checkIn', { appointmentId: otherId });
      await page.goto(`${appUrl}/`);
      const next = page.getByTestId('next-appointment');
      await expect.poll(() => next.innerText(), TIMEOUT).toContain(SINGH);
      expect(await page.getByTestId('live-queue').count()).toBe(0);

      // Reception checks me in: the live card shows my token, my place and when I will be called.
      await reception.call('queue.checkIn', { appointmentId: mine!.id });
      await page.getByTestId('live-queue').waitFor(TIMEOUT);
      await expect
        .poll(() => page.getByTestId('patients-ahead').innerText(), TIMEOUT)
        .toMatch(/^\d+ patients? ahead of you$/);
      const myToken = await page.getByTestId('my-token').innerText();
      expect(myToken).toMatch(/^[A-Z]+-\d{3}$/);
      expect(await page.getByTestId('estimated-call').innerText()).toMatch(/^\d{1,2}:\d{2} (am|pm)$/);
      await expectAccessible(page, 'home with the live card');

      // Dr. Singh calls the next patient until it is me: the card follows by itself.
      let calls = 0;
      while (!(await page.getByTestId('queue-turn').count())) {
        expect(++calls).toBeLessThanOrEqual(10);
        const called = await doctor.call<{ token: string } | null>('queue.callNext', { doctorId: singhId });
        expect(called).not.toBeNull();
        await page.getByTestId('now-serving').getByText(called!.token).waitFor(TIMEOUT);
      }
      expect(calls).toBeGreaterThanOrEqual(2);
      expect(await page.getByTestId('now-serving').innerText()).toBe(myToken);

      // The doctor finalizes the consultation: a diagnosis and one medicine.
      const draft = await doctor.call<{ consultation: { id: string } }>('consultations.saveDraft', {
        id: randomUUID(),
        appointmentId: mine!.id,
        content: {
          chiefComplaint: 'Knee pain after a fall',
          diagnosis: { text: 'Sprain of the right knee', code: 'S83.6' },
          advice: 'Rest the knee and keep it raised.',
          prescription: [
            {
              medicine: 'Ibuprofen',
              strength: '400 mg',
              dosePattern: '1-0-1',
              timing: 'after_food',
              durationDays: 5,
              instructions: '',
            },
          ],
          tests: [],
        },
      });
      await doctor.call('consultations.finalize', { id: draft.consultation.id });
      await doctor.call('appointments.complete', { id: mine!.id });

      // The phone's Records: the summary, and its prescription PDF opens.
      await page.getByRole('link', { name: 'Records' }).first().click();
      await page.getByRole('link', { name: /Sprain of the right knee/ }).click(TIMEOUT);
      await page.getByRole('heading', { name: 'Visit summary' }).waitFor(TIMEOUT);
      await expect
        .poll(() => page.getByTestId('diagnosis').textContent(), TIMEOUT)
        .toBe('Sprain of the right knee (S83.6)');
      await page.getByText('Ibuprofen 400 mg').waitFor(TIMEOUT);
      await page.getByText('Rest the knee and keep it raised.').waitFor(TIMEOUT);
      await expectAccessible(page, 'visit summary');
      const [pdf, tab] = await Promise.all([
        page.waitForResponse((r) =>
          r.url().includes(`/consultations/${draft.consultation.id}/prescription.pdf`),
        ),
        context.waitForEvent('page'),
        page.getByRole('button', { name: 'Open Prescription' }).click(),
      ]);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toContain('application/pdf');
      await tab.waitForURL(/^blob:/, TIMEOUT);
      await tab.close();
      // The same answer's bytes are a PDF (the page's own copy went into the blob it opened).
      const bytes = await fetch(pdf.url(), { headers: { authorization: `Bearer ${token}` } });
      expect(
        Buffer.from(await bytes.arrayBuffer())
          .subarray(0, 5)
          .toString('latin1'),
      ).toBe('%PDF-');
      expect(device.problems).toEqual([]);

      // The main screens in English, then in Hindi (chosen in the profile), with a follow-up booked.
      if (SHOTS) {
        for (let i = 1; i <= 7; i++) {
          const later = await gatewayCall<{ slots: { start: string }[] }>(
            appUrl,
            'GET',
            `/slots?doctorId=${singhId}&date=${addDays(date, i)}`,
            { token },
          );
          const first = later.body.slots[0];
          if (!first) continue;
          const followUp = await gatewayCall(appUrl, 'POST', '/appointments', {
            token,
            body: { doctorId: singhId, startsAt: first.start, type: 'FOLLOW_UP' },
          });
          expect(followUp.status).toBe(201);
          break;
        }
      }
      await screenshotMainScreens(page, appUrl, 'en');
      await page.goto(`${appUrl}/profile`);
      await page.getByRole('button', { name: 'हिन्दी' }).click(TIMEOUT);
      await page.getByRole('heading', { name: 'मेरी प्रोफ़ाइल' }).waitFor(TIMEOUT);
      await screenshotMainScreens(page, appUrl, 'hi');
      expect(device.problems).toEqual([]);
    } finally {
      reception.close();
      singh?.close();
      await device.close();
    }
  }, 240_000);
});
