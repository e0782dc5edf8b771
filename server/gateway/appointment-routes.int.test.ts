import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiFailure } from '@shared/contract/errors';
import type { ClinicSettings } from '@shared/domain/settings.schema';
import { localToInstant } from '@shared/rules/zoned-time';
import { insertDoctor, insertPatient, weekdaySchedule } from '@server/testing/fixtures';
import { callOver, startSocketHub, type SocketTestHub } from '@server/testing/socket-hub';
import { appClient, type AppPatient, gatewayOn, signUpPatient } from './testing/patient-app';

/** The test hub's now: Monday 2026-11-23 08:00 in Kolkata. */
const at = (date: string, time: string) => localToInstant(date, time, 'Asia/Kolkata');
const TODAY = '2026-11-23';
const TOMORROW = '2026-11-24';

interface Appointment {
  id: string;
  status: string;
  startsAt: string;
  bookedVia: string;
}

let server: SocketTestHub;
let gateway: { api: string; close(): Promise<void> };
let doctorId: string;
let meera: AppPatient;
let ravi: AppPatient;

beforeAll(async () => {
  server = await startSocketHub();
  const doctor = insertDoctor(server.hub.db, { sessionMinutes: 30, bufferOverride: { before: 0, after: 0 } });
  weekdaySchedule(server.hub.db, doctor.id);
  doctorId = doctor.id;
  // One gateway for the file; its per-address limit is not what these tests are about.
  gateway = await gatewayOn(server.hub, { limit: { max: 10_000, windowMs: 60_000 } });
  meera = await signUpPatient(server.hub.db, gateway.api, { phone: '+91 98450 77777' });
  ravi = await signUpPatient(server.hub.db, gateway.api, {
    fullName: 'Ravi Kumar',
    phone: '+91 98450 66666',
    dateOfBirth: '1979-02-03',
  });
}, 60_000);

afterAll(async () => {
  await gateway?.close();
  await server?.close();
});

/** Changes the clinic's policies as the admin would. */
async function policy(change: Partial<ClinicSettings>): Promise<void> {
  const settings = await server.hub.call(server.hub.admin, 'settings.get', {});
  await server.hub.call(server.hub.admin, 'settings.update', { ...settings, ...change });
}

async function book(patient: AppPatient, startsAt: string) {
  return appClient(gateway.api, patient.token).post<{ appointment: Appointment }>('/appointments', {
    doctorId,
    startsAt,
  });
}

describe('the patient gateway: appointments', { timeout: 60_000 }, () => {
  it('offers only the slots a patient may book, and books one for the session’s patient', async () => {
    await policy({ minBookingNoticeMinutes: 120, bookingHorizonDays: 7, bookingNeedsConfirmation: false });
    const app = appClient(gateway.api, meera.token);
    const today = await app.get<{ available: boolean; slots: { start: string; localTime: string }[] }>(
      `/slots?doctorId=${doctorId}&date=${TODAY}`,
    );
    expect(today.status).toBe(200);
    // 08:00 now, two hours' notice: from 10:00 on.
    expect(today.body.slots.map((s) => s.localTime)).toEqual(
      ['10:00', '10:30', '11:00', '11:30', '12:00', '12:30'].concat([
        '14:00',
        '14:30',
        '15:00',
        '15:30',
        '16:00',
        '16:30',
      ]),
    );
    expect(today.body.slots[0]).toEqual({
      start: at(TODAY, '10:00'),
      end: at(TODAY, '10:30'),
      localTime: '10:00',
    });
    const beyond = await app.get<{ available: boolean; message: string }>(
      `/slots?doctorId=${doctorId}&date=2026-12-07`,
    );
    expect(beyond.body.available).toBe(false);
    expect(beyond.body.message).toMatch(/booking horizon|ahead/i);
    const retired = insertDoctor(server.hub.db, { fullName: 'Dr Retired', active: false });
    weekdaySchedule(server.hub.db, retired.id);
    const gone = await app.get<{ available: boolean; slots: unknown[]; message: string }>(
      `/slots?doctorId=${retired.id}&date=${TODAY}`,
    );
    expect(gone.body).toMatchObject({ available: false, slots: [] });
    expect(gone.body.message).toMatch(/Dr Retired is not taking appointments/);
    const noDate = await app.get(`/slots?doctorId=${doctorId}`);
    expect(noDate.status).toBe(422);
    expect(noDate.body.error?.fields?.map((f) => f.field)).toEqual(['date']);
    expect((await appClient(gateway.api).get(`/slots?doctorId=${doctorId}&date=${TODAY}`)).status).toBe(401);

    // Never for another patient: the body cannot name one.
    const forRavi = await app.post('/appointments', {
      doctorId,
      startsAt: at(TODAY, '10:00'),
      patientId: ravi.patientId,
    });
    expect(forRavi.status).toBe(422);
    expect(forRavi.body.error?.fields?.map((f) => f.field)).toEqual(['patientId']);
    const tooSoon = await book(meera, at(TODAY, '09:00'));
    expect(tooSoon.status).toBe(409);
    expect(tooSoon.body.error?.code).toBe('POLICY');

    const booked = await book(meera, at(TODAY, '10:00'));
    expect(booked.status).toBe(201);
    expect(booked.body.appointment).toMatchObject({
      status: 'CONFIRMED',
      bookedVia: 'patient_app',
      doctorId,
    });
    expect(Object.keys(booked.body.appointment)).not.toEqual(expect.arrayContaining(['overrideReason']));
    expect(booked.body.appointment).not.toHaveProperty('patientId');
    const row = server.hub.db.sqlite
      .prepare('SELECT patientId, bookedVia, status FROM appointments WHERE id = ?')
      .get(booked.body.appointment.id);
    expect(row).toEqual({ patientId: meera.patientId, bookedVia: 'patient_app', status: 'CONFIRMED' });

    // The clinic's confirmation policy: the next booking waits for staff.
    await policy({ bookingNeedsConfirmation: true });
    const requested = await book(meera, at(TOMORROW, '11:00'));
    expect(requested.status).toBe(201);
    expect(requested.body.appointment.status).toBe('REQUESTED');

    const upcoming = await app.get<Appointment[]>('/appointments?when=upcoming');
    expect(upcoming.body.map((a) => [a.startsAt, a.status])).toEqual([
      [at(TODAY, '10:00'), 'CONFIRMED'],
      [at(TOMORROW, '11:00'), 'REQUESTED'],
    ]);
    expect((await app.get<Appointment[]>('/appointments?when=past')).body).toEqual([]);
    expect((await appClient(gateway.api, ravi.token).get<Appointment[]>('/appointments')).body).toEqual([]);

    const detail = await app.get<{ appointment: Appointment; history: { transitions: unknown[] } }>(
      `/appointments/${booked.body.appointment.id}`,
    );
    expect(detail.status).toBe(200);
    expect(detail.body.history.transitions).toEqual([
      { from: null, to: 'CONFIRMED', at: expect.any(String) as string, reason: null, by: 'you' },
    ]);

    const slip = await fetch(`${gateway.api}/appointments/${booked.body.appointment.id}/slip.pdf`, {
      headers: { authorization: `Bearer ${meera.token}` },
    });
    expect(slip.status).toBe(200);
    expect(slip.headers.get('content-type')).toBe('application/pdf');
    expect(slip.headers.get('cache-control')).toBe('no-store');
    expect(slip.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.pdf"$/);
    expect(
      Buffer.from(await slip.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await policy({ minBookingNoticeMinutes: 0, bookingNeedsConfirmation: false });
  });

  it('lets exactly one of the app and the front desk book a slot they race for', async () => {
    const reception = await server.hub.signIn('receptionist', { username: 'race-desk' });
    const desk = await server.connect({ token: reception.token, deviceId: reception.deviceId });
    const walkIn = insertPatient(server.hub.db, { fullName: 'Desk Patient' });
    for (const time of ['14:00', '14:30', '15:00']) {
      const startsAt = at(TOMORROW, time);
      const [fromApp, fromDesk] = await Promise.all([
        book(ravi, startsAt),
        callOver(desk, 'appointments.book', {
          id: randomUUID(),
          patientId: walkIn.id,
          doctorId,
          startsAt,
        }).then(
          (result) => result,
          (error: unknown) => error,
        ),
      ]);
      const held = server.hub.db.sqlite
        .prepare(
          "SELECT bookedVia FROM appointments WHERE startsAt = ? AND status IN ('REQUESTED', 'CONFIRMED')",
        )
        .all(startsAt);
      expect(held).toHaveLength(1);
      if (fromApp.status === 201) {
        expect(fromDesk).toBeInstanceOf(ApiFailure);
        const { error } = fromDesk as ApiFailure;
        expect(error.code).toBe('SLOT_TAKEN');
        expect(error.nextSlots?.length).toBeGreaterThan(0);
      } else {
        expect(fromApp.status).toBe(409);
        expect(fromApp.body.error?.code).toBe('SLOT_TAKEN');
        expect(fromApp.body.error?.nextSlots?.length).toBeGreaterThan(0);
      }
    }
    // The app's loser answer, whichever order the race went: 409 SLOT_TAKEN with the next free times.
    const taken = await book(meera, at(TOMORROW, '14:00'));
    expect(taken.status).toBe(409);
    expect(taken.body.error?.code).toBe('SLOT_TAKEN');
    expect(taken.body.error?.nextSlots?.[0]).toEqual({
      start: at(TOMORROW, '15:30'),
      end: at(TOMORROW, '16:00'),
    });
    desk.disconnect();
  });

  it('keeps to the clinic’s policies: the cancellation window, direct moves, reschedule requests', async () => {
    await policy({ cancellationWindowMinutes: 120, patientDirectReschedule: false });
    const app = appClient(gateway.api, meera.token);
    const soon = (await book(meera, at(TODAY, '09:30'))).body.appointment;
    const refused = await app.post(`/appointments/${soon.id}/cancel`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error?.code).toBe('POLICY');
    expect(refused.body.error?.message).toMatch(/2 hours before/);
    const kept = server.hub.db.sqlite.prepare('SELECT status FROM appointments WHERE id = ?').get(soon.id);
    expect(kept).toEqual({ status: 'CONFIRMED' });

    const later = (await book(meera, at('2026-11-25', '09:00'))).body.appointment;
    const move = { newStartsAt: at('2026-11-25', '12:00') };
    const noMove = await app.post(`/appointments/${later.id}/reschedule`, move);
    expect(noMove.status).toBe(409);
    expect(noMove.body.error?.code).toBe('POLICY');
    expect(noMove.body.error?.message).toMatch(/reschedule request/);
    await policy({ patientDirectReschedule: true });
    const moved = await app.post<Appointment>(`/appointments/${later.id}/reschedule`, move);
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: later.id, startsAt: move.newStartsAt, status: 'CONFIRMED' });
    await policy({ patientDirectReschedule: false });

    const request = await app.post(`/appointments/${later.id}/reschedule-request`, {
      preferredDate: '2026-11-27',
      note: 'Mornings suit me',
    });
    expect(request.status).toBe(201);
    expect(request.body).toMatchObject({
      status: 'PENDING',
      preferredDate: '2026-11-27',
      note: 'Mornings suit me',
    });
    expect(request.body).not.toHaveProperty('decidedBy');
    const detail = await app.get<{ history: { reschedules: unknown[]; requests: unknown[] } }>(
      `/appointments/${later.id}`,
    );
    expect(detail.body.history.reschedules).toEqual([
      expect.objectContaining({
        oldStartsAt: at('2026-11-25', '09:00'),
        newStartsAt: move.newStartsAt,
        by: 'you',
      }),
    ]);
    expect(detail.body.history.requests).toEqual([
      expect.objectContaining({ id: request.body.id, status: 'PENDING' }),
    ]);
    // It lands in the hub's request list for the front desk.
    const staff = await server.hub.call(server.hub.admin, 'appointments.history', { id: later.id });
    expect(staff.requests.map((r) => r.status)).toEqual(['PENDING']);

    const cancelled = await app.post<Appointment>(`/appointments/${later.id}/cancel`, {
      reason: 'Feeling better',
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('CANCELLED');
  });

  it('answers another patient’s appointment id exactly like a missing one, on every :id route', async () => {
    const meeras = (await book(meera, at('2026-11-26', '10:00'))).body.appointment;
    const missing = randomUUID();
    const asRavi = appClient(gateway.api, ravi.token);
    const routes: [string, (id: string) => Promise<{ status: number; body: unknown }>][] = [
      ['GET /appointments/:id', (id) => asRavi.get(`/appointments/${id}`)],
      ['POST /appointments/:id/cancel', (id) => asRavi.post(`/appointments/${id}/cancel`, {})],
      [
        'POST /appointments/:id/reschedule',
        (id) => asRavi.post(`/appointments/${id}/reschedule`, { newStartsAt: at('2026-11-26', '12:00') }),
      ],
      [
        'POST /appointments/:id/reschedule-request',
        (id) => asRavi.post(`/appointments/${id}/reschedule-request`, {}),
      ],
      ['GET /appointments/:id/slip.pdf', (id) => asRavi.get(`/appointments/${id}/slip.pdf`)],
    ];
    await policy({ patientDirectReschedule: true });
    for (const [route, send] of routes) {
      const others = await send(meeras.id);
      const none = await send(missing);
      expect({ route, status: others.status, body: others.body }).toEqual({
        route,
        status: none.status,
        body: none.body,
      });
      expect({ route, status: none.status, body: none.body }).toEqual({
        route,
        status: 404,
        body: { error: { code: 'NOT_FOUND', message: 'No such appointment.' } },
      });
    }
    await policy({ patientDirectReschedule: false });
    // Nothing of Meera's changed.
    const row = server.hub.db.sqlite
      .prepare('SELECT status, startsAt FROM appointments WHERE id = ?')
      .get(meeras.id);
    expect(row).toEqual({ status: 'CONFIRMED', startsAt: meeras.startsAt });
    const requests = server.hub.db.sqlite
      .prepare('SELECT count(*) AS n FROM reschedule_requests WHERE appointmentId = ?')
      .get(meeras.id);
    expect(requests).toEqual({ n: 0 });
    // Her own id still works for her.
    expect((await appClient(gateway.api, meera.token).get(`/appointments/${meeras.id}`)).status).toBe(200);
  });
});
