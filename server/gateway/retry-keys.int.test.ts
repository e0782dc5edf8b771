import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '@shared/contract/errors';
import { localToInstant } from '@shared/rules/zoned-time';
import { insertDoctor, weekdaySchedule } from '@server/testing/fixtures';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { appClient, type AppPatient, gatewayOn, signUpPatient } from './testing/patient-app';

/**
 * Retry keys (security review): the `id` of POST /appointments and /waitlist and the `requestId`
 * of POST /appointments/:id/reschedule-request are keys the stored id is derived from, with the
 * session's patient. Another patient's record id used as a key answers exactly like a fresh key
 * (a new record), never a 409 that would tell the record exists; one's own retry stays refused
 * (bookings, reschedule requests: 409 CONFLICT) or answered with the same entry (waiting list).
 */
type Body = Record<string, unknown> & { id: string; error?: ApiError };

/** The test hub's now: Monday 2026-11-23 08:00 in Kolkata. */
const tomorrowAt = (time: string) => localToInstant('2026-11-24', time, 'Asia/Kolkata');

let hub: TestHub;
let gateway: { api: string; close(): Promise<void> };
let doctorId: string;
let meera: AppPatient;
let ravi: AppPatient;

beforeAll(async () => {
  hub = await createTestHub();
  const doctor = insertDoctor(hub.db, { sessionMinutes: 30, bufferOverride: { before: 0, after: 0 } });
  weekdaySchedule(hub.db, doctor.id);
  doctorId = doctor.id;
  gateway = await gatewayOn(hub, { limit: { max: 10_000, windowMs: 60_000 } });
  meera = await signUpPatient(hub.db, gateway.api, { phone: '+91 98450 55555' });
  ravi = await signUpPatient(hub.db, gateway.api, {
    fullName: 'Ravi Kumar',
    phone: '+91 98450 44444',
    dateOfBirth: '1979-02-03',
  });
}, 60_000);

afterAll(async () => {
  await gateway?.close();
  hub?.close();
});

const app = (patient: AppPatient) => appClient(gateway.api, patient.token);
const book = (patient: AppPatient, time: string, id?: string) =>
  app(patient).post<{ appointment: Body } & Body>('/appointments', {
    doctorId,
    startsAt: tomorrowAt(time),
    id,
  });
const ownerOf = (table: string, id: string) =>
  hub.db.sqlite.prepare(`SELECT patientId FROM ${table} WHERE id = ?`).get(id) as { patientId: string };

describe('retry keys on the patient gateway', { timeout: 60_000 }, () => {
  it('books with another patient’s appointment id as a key like with a fresh one; one’s own retry is refused', async () => {
    const meeras = await book(meera, '10:00', randomUUID());
    expect(meeras.status).toBe(201);
    const taken = meeras.body.appointment.id;

    const fresh = await book(ravi, '10:30', randomUUID());
    const borrowed = await book(ravi, '11:00', taken);
    expect([fresh.status, borrowed.status]).toEqual([201, 201]);
    expect(borrowed.body.appointment.id).not.toBe(taken);
    expect(ownerOf('appointments', borrowed.body.appointment.id)).toEqual({ patientId: ravi.patientId });
    expect(ownerOf('appointments', taken)).toEqual({ patientId: meera.patientId });

    // Ravi's own retry with that key (even for another time) is refused as before: no second booking.
    const retry = await book(ravi, '11:30', taken);
    expect(retry.status).toBe(409);
    expect(retry.body.error?.message).toMatch(/already made/);
  });

  it('takes another patient’s reschedule request id as a key like a fresh one; one’s own retry is refused', async () => {
    const [mine, his] = [await book(meera, '12:00'), await book(ravi, '12:30')];
    const ask = (patient: AppPatient, appointmentId: string, requestId: string) =>
      app(patient).post<Body>(`/appointments/${appointmentId}/reschedule-request`, {
        requestId,
        preferredDate: '2026-11-26',
      });
    const meeras = await ask(meera, mine.body.appointment.id, randomUUID());
    expect(meeras.status).toBe(201);

    const borrowed = await ask(ravi, his.body.appointment.id, meeras.body.id);
    expect(borrowed.status).toBe(201);
    expect(borrowed.body.id).not.toBe(meeras.body.id);
    const retry = await ask(ravi, his.body.appointment.id, meeras.body.id);
    expect(retry.status).toBe(409);
    expect(retry.body.error?.message).toMatch(/already sent/);
  });

  it('joins the waiting list with another patient’s entry id as a key like a fresh one; one’s own retry answers the same entry', async () => {
    const join = (patient: AppPatient, id: string) =>
      app(patient).post<Body>('/waitlist', { doctorId, fromDate: '2026-11-24', toDate: '2026-11-30', id });
    const meeras = await join(meera, randomUUID());
    expect(meeras.status).toBe(200);

    const borrowed = await join(ravi, meeras.body.id);
    expect(borrowed.status).toBe(200);
    expect(borrowed.body.id).not.toBe(meeras.body.id);
    expect(ownerOf('waitlist_entries', borrowed.body.id)).toEqual({ patientId: ravi.patientId });
    const retry = await join(ravi, meeras.body.id);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(borrowed.body);
  });
});
