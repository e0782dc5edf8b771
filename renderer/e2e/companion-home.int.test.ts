import { randomUUID } from 'node:crypto';
import { describe, expect } from 'vitest';
import { axeScan } from '@renderer/testing/axe';
import { companionTest as test, gatewayCall } from '@renderer/testing/companion-phone';
import { addQueuedDoctor } from '@renderer/testing/queued-doctor';
import { staffSocket } from '@renderer/testing/staff-socket';
import { addDays, clinicToday } from '@renderer/companion/screens/booking/date-strip';

const ZONE = 'Asia/Kolkata';
const TIMEOUT = { timeout: 30_000 };

/** 20261123T040000Z: an instant as an .ics DTSTART writes it. */
const icsInstant = (iso: string) => `${new Date(iso).toISOString().replace(/[-:]|\.\d{3}/g, '')}`;

describe('the companion’s home screen on the day', () => {
  test('shows my position and estimated call time, and follows the doctor’s calls by itself', async ({
    hub,
    appUrl,
    phone,
    newPatient,
  }) => {
    const admin = await staffSocket(hub.url, 'admin');
    const reception = await staffSocket(hub.url, 'receptionist');
    const suffix = randomUUID().slice(0, 6);
    const doctorName = `Dr. Arjun Singh ${suffix}`;
    const login = { username: `dr.arjun.${suffix}`, password: 'Home-Doctor-2026' };
    try {
      const settings = await admin.call<Record<string, unknown>>('settings.get', {});
      await admin.call('settings.update', {
        ...settings,
        address: '12 MG Road, Pune',
        phone: '+91 20 1234 5678',
      });
      const roomId = randomUUID();
      await admin.call('rooms.create', { id: roomId, details: { name: `Room ${suffix}` } });
      // The test's own doctor, working all day every day: the time of day does not matter.
      const doctorId = await addQueuedDoctor(
        { admin: admin.call, reception: reception.call },
        {
          fullName: doctorName,
          registrationNumber: `KMC-${suffix}`,
          tokenPrefix: 'K',
          roomId,
          ...login,
        },
        [],
      );
      const asha = await newPatient('Asha Rao');
      const meera = await newPatient('Meera Iyer');
      // Today's next free times (tomorrow's when today has fewer than two left).
      let day = clinicToday(ZONE);
      let slots = (
        await gatewayCall<{ slots: { start: string }[] }>(
          appUrl,
          'GET',
          `/slots?doctorId=${doctorId}&date=${day}`,
          { token: meera.token },
        )
      ).body.slots;
      if (slots.length < 2) {
        // Too late today: live tomorrow morning instead.
        day = addDays(day, 1);
        slots = (
          await gatewayCall<{ slots: { start: string }[] }>(
            appUrl,
            'GET',
            `/slots?doctorId=${doctorId}&date=${day}`,
            { token: meera.token },
          )
        ).body.slots;
      }
      const [ashaAt, meeraAt] = [slots[0]!.start, slots[1]!.start];
      const book = (patientId: string, startsAt: string) =>
        reception.call<{ appointment: { id: string } }>('appointments.book', {
          id: randomUUID(),
          patientId,
          doctorId,
          startsAt,
        });
      const ashaVisit = (await book(asha.patientId, ashaAt)).appointment.id;
      const meeraVisit = (await book(meera.patientId, meeraAt)).appointment.id;
      if (day !== clinicToday(ZONE)) {
        const minutes = Math.ceil((Date.parse(ashaAt) - Date.now()) / 60_000) - 30;
        if (minutes > 0) await hub.advanceClock(minutes);
      }
      await reception.call('queue.checkIn', { appointmentId: ashaVisit });

      const device = await phone({ language: 'en', patient: meera });
      const { page } = device;
      // Before check-in: the next visit, with whom and when, and add to calendar.
      const next = page.getByTestId('next-appointment');
      await next.waitFor(TIMEOUT);
      await expect.poll(() => next.innerText()).toContain(doctorName);
      expect(await page.getByTestId('live-queue').count()).toBe(0);

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Add to calendar' }).click();
      const stream = await (await download).createReadStream();
      let ics = '';
      for await (const chunk of stream) ics += String(chunk);
      expect(ics).toContain(`DTSTART:${icsInstant(meeraAt)}`);
      expect(ics).toContain(`SUMMARY:Visit with ${doctorName}`);

      // Reception checks me in: the live card appears by itself, one patient ahead of me.
      await reception.call('queue.checkIn', { appointmentId: meeraVisit });
      await page.getByTestId('live-queue').waitFor(TIMEOUT);
      await expect.poll(() => page.getByTestId('my-token').innerText()).toBe('K-002');
      expect(await page.getByTestId('patients-ahead').innerText()).toBe('1 patient ahead of you');
      expect(await page.getByTestId('estimated-call').innerText()).toMatch(/^\d{1,2}:\d{2} (am|pm)$/);
      expect(await page.getByTestId('now-serving').innerText()).toBe('Not started yet');
      expect(await page.getByTestId('next-token').innerText()).toContain('K-002');
      expect(await page.getByText('Updates by itself').count()).toBe(1);

      // The doctor calls Asha: the card updates by itself (no reload).
      const doctor = await staffSocket(hub.url, login);
      try {
        await doctor.call('queue.callNext', { doctorId });
        await page.getByTestId('now-serving').getByText('K-001').waitFor(TIMEOUT);
        await page.getByTestId('patients-ahead').getByText('You are next').waitFor(TIMEOUT);
        // …and then me.
        await doctor.call('queue.callNext', { doctorId });
        await page.getByTestId('queue-turn').waitFor(TIMEOUT);
        expect(await page.getByTestId('now-serving').innerText()).toBe('K-002');
      } finally {
        doctor.close();
      }

      // The clinic's phone to call and its address for directions.
      expect(await page.getByTestId('clinic-phone').getAttribute('href')).toBe('tel:+912012345678');
      expect(await page.getByTestId('clinic-directions').getAttribute('href')).toContain(
        encodeURIComponent('12 MG Road, Pune'),
      );
      expect(await axeScan(page)).toEqual([]);

      // A message for me (a booking's confirmation): the inbox badge counts it, from the stream.
      const badge = page.getByTestId('unread-badge');
      const before = (await badge.count()) ? Number(await badge.innerText()) : 0;
      await book(meera.patientId, slots[2]?.start ?? slots[1]!.start).catch(async () => {
        // No third time that day: the day after.
        const later = await gatewayCall<{ slots: { start: string }[] }>(
          appUrl,
          'GET',
          `/slots?doctorId=${doctorId}&date=${addDays(day, 1)}`,
          { token: meera.token },
        );
        await book(meera.patientId, later.body.slots[0]!.start);
      });
      await expect.poll(async () => Number(await badge.innerText()), TIMEOUT).toBe(before + 1);

      expect(device.problems).toEqual([]);

      // Signed out elsewhere: the stream says so and the phone goes back to the welcome screen.
      const logout = await gatewayCall(appUrl, 'POST', '/auth/logout', { token: meera.token });
      expect(logout.status).toBe(200);
      await page.waitForURL((url) => url.pathname === '/welcome', TIMEOUT);
      expect(await page.evaluate(() => localStorage.getItem('clinic.companion.session'))).toBeNull();
      await device.close();
    } finally {
      admin.close();
      reception.close();
    }
  });
});
