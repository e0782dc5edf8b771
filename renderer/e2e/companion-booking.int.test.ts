import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import type { PatientAppointment } from '@shared/gateway/appointments.schema';
import { axeScan } from '@renderer/testing/axe';
import { companionTest as test, gatewayCall, type PhonePatient } from '@renderer/testing/companion-phone';
import { addDays, clinicToday } from '@renderer/companion/screens/booking/date-strip';

const ZONE = 'Asia/Kolkata';
const SINGH = 'Dr. Harpreet Singh';

interface DaySlots {
  slots: { start: string }[];
}

/** Dr. Singh's id and the first clinic day from tomorrow on with free times (he rests on Sundays). */
async function singhDay(appUrl: string, patient: PhonePatient) {
  const doctors = await gatewayCall<{ id: string; fullName: string }[]>(appUrl, 'GET', '/doctors', {
    token: patient.token,
  });
  const doctorId = doctors.body.find((d) => d.fullName === SINGH)!.id;
  const tomorrow = addDays(clinicToday(ZONE), 1);
  for (let i = 0; i < 7; i++) {
    const date = addDays(tomorrow, i);
    const day = await gatewayCall<DaySlots>(appUrl, 'GET', `/slots?doctorId=${doctorId}&date=${date}`, {
      token: patient.token,
    });
    if (day.body.slots.length >= 4) return { doctorId, date, slots: day.body.slots.map((s) => s.start) };
  }
  throw new Error('Dr. Singh has no free day in the coming week');
}

async function bookVia(appUrl: string, patient: PhonePatient, doctorId: string, startsAt: string) {
  const booked = await gatewayCall<{ appointment: PatientAppointment }>(appUrl, 'POST', '/appointments', {
    token: patient.token,
    body: { doctorId, startsAt },
  });
  expect(booked.status).toBe(201);
  return booked.body.appointment;
}

async function mine(appUrl: string, patient: PhonePatient) {
  return (
    await gatewayCall<PatientAppointment[]>(appUrl, 'GET', '/appointments?when=upcoming', {
      token: patient.token,
    })
  ).body;
}

async function expectAccessible(page: Page) {
  // A pointer left over the button just pressed keeps its hover colours (and their transition):
  // a finger lifts, so the colours a patient reads are the ones without it.
  await page.mouse.move(0, 0);
  expect(await axeScan(page)).toEqual([]);
}

describe('companion: book, see, cancel (phone)', () => {
  test('books Dr. Singh on the next day: doctors → day → time → confirm → booked → Upcoming', async ({
    phone,
    newPatient,
    appUrl,
  }) => {
    const patient = await newPatient('Asha Verma');
    const { date } = await singhDay(appUrl, patient);
    const device = await phone({ language: 'en', patient, path: '/book' });
    const { page } = device;
    const card = page.locator(`[data-doctor="${SINGH}"]`);
    await card.getByText('Orthopedic').waitFor();
    await expect.poll(() => card.textContent()).toContain('₹700');
    await expectAccessible(page);

    await page.getByRole('link', { name: `Choose a day with ${SINGH}` }).click();
    await page.locator(`[data-day="${date}"]`).click();
    const slot = page.locator('[data-slot]').first();
    // The first day shown may be another: wait for the chosen day's times (morning in the
    // clinic's zone is the same date in UTC).
    await expect
      .poll(async () => (await slot.getAttribute('data-slot'))?.slice(0, 10), { timeout: 30_000 })
      .toBe(date);
    const startsAt = (await slot.getAttribute('data-slot'))!;
    await expectAccessible(page);
    await slot.click();

    await page.getByRole('heading', { name: 'Confirm your visit' }).waitFor();
    await page.getByText('You can cancel in the app until').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: /^(Book|Send booking request)$/ }).click();
    await page.getByRole('heading', { name: /^(Booked|Request sent)$/ }).waitFor();
    await expectAccessible(page);

    const [booked] = await mine(appUrl, patient);
    expect(booked?.startsAt).toBe(startsAt);
    // The booked screen reads the appointment by the id the hub answered, not the retry key.
    await page.getByRole('link', { name: 'All my appointments' }).click();
    const list = page.getByTestId('appointments-upcoming');
    await list.locator(`[data-appointment="${booked!.id}"]`).waitFor();
    await expect.poll(() => list.textContent()).toContain(SINGH);
    await expectAccessible(page);
    expect(device.problems).toEqual([]);
    await device.close();
  });

  test('a time taken meanwhile offers the next free times, and booking one works', async ({
    phone,
    newPatient,
    appUrl,
  }) => {
    const patient = await newPatient('Ravi Kumar');
    const other = await newPatient('Meena Iyer');
    const { doctorId, slots } = await singhDay(appUrl, patient);
    const wanted = slots[2]!;
    const device = await phone({
      language: 'en',
      patient,
      path: `/book/${doctorId}/confirm?start=${encodeURIComponent(wanted)}`,
    });
    const { page } = device;
    await page.getByRole('heading', { name: 'Confirm your visit' }).waitFor();
    await bookVia(appUrl, other, doctorId, wanted);

    await page.getByRole('button', { name: /^(Book|Send booking request)$/ }).click();
    await page.getByText('Someone has just booked that time').waitFor();
    const next = page.locator('[data-next-slot]').first();
    await next.waitFor();
    await expectAccessible(page);
    const instead = (await next.getAttribute('data-next-slot'))!;
    expect(instead).not.toBe(wanted);
    await next.click();
    await page.getByRole('heading', { name: /^(Booked|Request sent)$/ }).waitFor();
    expect((await mine(appUrl, patient)).map((a) => a.startsAt)).toEqual([instead]);
    await device.close();
  });

  test('offline, booking says it needs a connection and keeps the form; online again it books', async ({
    phone,
    newPatient,
    appUrl,
  }) => {
    const patient = await newPatient('Farah Khan');
    const { doctorId, slots } = await singhDay(appUrl, patient);
    const device = await phone({
      language: 'en',
      patient,
      path: `/book/${doctorId}/confirm?start=${encodeURIComponent(slots[1]!)}`,
    });
    const { page } = device;
    await page.getByRole('heading', { name: 'Confirm your visit' }).waitFor();
    await page.getByRole('radio', { name: /Follow-up/ }).check({ force: true });
    await page.getByLabel('Anything the doctor should know (optional)').fill('Knee pain');
    await device.context.setOffline(true);
    await page.getByText('Booking needs a connection to the clinic').waitFor();
    const book = page.getByRole('button', { name: /^(Book|Send booking request)$/ });
    expect(await book.isDisabled()).toBe(true);
    await expectAccessible(page);

    await device.context.setOffline(false);
    await page.getByText('Booking needs a connection to the clinic').waitFor({ state: 'detached' });
    expect(await page.getByLabel('Anything the doctor should know (optional)').inputValue()).toBe(
      'Knee pain',
    );
    await book.click();
    await page.getByRole('heading', { name: /^(Booked|Request sent)$/ }).waitFor();
    expect(await mine(appUrl, patient)).toMatchObject([
      { startsAt: slots[1], type: 'FOLLOW_UP', note: 'Knee pain' },
    ]);
    await device.close();
  });

  test('asks to reschedule: a preferred day goes to the clinic and the appointment says so', async ({
    phone,
    newPatient,
    appUrl,
  }) => {
    const patient = await newPatient('Gopal Rao');
    const { doctorId, date, slots } = await singhDay(appUrl, patient);
    const booked = await bookVia(appUrl, patient, doctorId, slots[0]!);
    const device = await phone({ language: 'en', patient, path: `/appointments/${booked.id}` });
    const { page } = device;
    // The demo clinic does not let patients move visits directly: they ask.
    await page.getByRole('link', { name: 'Ask to reschedule' }).click();
    await page.getByRole('heading', { name: 'Ask to reschedule' }).waitFor();
    const preferred = addDays(date, 1);
    await page.locator(`[data-day="${preferred}"]`).click();
    await page.getByLabel('Message for the clinic (optional)').fill('Mornings suit me');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByTestId('request-pending').waitFor();
    const detail = await gatewayCall<{ history: { requests: { preferredDate: string; note: string }[] } }>(
      appUrl,
      'GET',
      `/appointments/${booked.id}`,
      { token: patient.token },
    );
    expect(detail.body.history.requests).toMatchObject([
      { preferredDate: preferred, note: 'Mornings suit me' },
    ]);
    await device.close();
  });

  test('cancels inside the window; outside it the app refuses and shows until when', async ({
    phone,
    newPatient,
    appUrl,
    hub,
  }) => {
    const patient = await newPatient('Kiran Das');
    const { doctorId, slots } = await singhDay(appUrl, patient);
    const early = await bookVia(appUrl, patient, doctorId, slots[0]!);
    const late = await bookVia(appUrl, patient, doctorId, slots[3]!);

    const device = await phone({
      language: 'en',
      patient,
      path: `/appointments/${early.id}`,
    });
    const { page } = device;
    await page.getByTestId('cancel-window').getByText('You can cancel in the app until').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Cancel appointment' }).click();
    await page.getByRole('button', { name: 'Yes, cancel it' }).click();
    await page.locator('[data-status="CANCELLED"]').first().waitFor();
    await page.getByTestId('status-history').getByText('Cancelled (by you)').waitFor();
    await page
      .getByTestId('status-history')
      .getByText(/^Booked by you/)
      .waitFor();
    const after = await gatewayCall<{ appointment: PatientAppointment }>(
      appUrl,
      'GET',
      `/appointments/${early.id}`,
      { token: patient.token },
    );
    expect(after.body.appointment.status).toBe('CANCELLED');

    // Open the later one while it can still be cancelled, then let the hub's clock pass its window.
    await page.goto(`${appUrl}/appointments/${late.id}`);
    const window = page.getByTestId('cancel-window');
    await window.getByText('You can cancel in the app until').waitFor();
    const shownUntil = (await window.textContent())!.replace('You can cancel in the app until ', '');
    const clinic = await gatewayCall<{ cancellationWindowMinutes: number }>(appUrl, 'GET', '/clinic', {
      token: patient.token,
    });
    const insideLate = Date.parse(late.startsAt) - (clinic.body.cancellationWindowMinutes / 2) * 60_000;
    await hub.advanceClock(Math.ceil((insideLate - Date.now()) / 60_000));
    await page.getByRole('button', { name: 'Cancel appointment' }).click();
    await page.getByRole('button', { name: 'Yes, cancel it' }).click();
    await page
      .getByRole('alert')
      .getByText(
        `It is too late to cancel in the app: that was possible until ${shownUntil.replace(/\.$/, '')}`,
      )
      .waitFor();
    expect((await mine(appUrl, patient)).find((a) => a.id === late.id)?.status).not.toBe('CANCELLED');

    // On a phone whose clock is past the window, the button is off before the patient tries.
    await device.context.clock.setSystemTime(insideLate);
    await page.reload();
    await window.getByText('Cancelling in the app closed at').waitFor();
    expect(await page.getByRole('button', { name: 'Cancel appointment' }).isDisabled()).toBe(true);
    await expectAccessible(page);
    await device.close();
  });
});
