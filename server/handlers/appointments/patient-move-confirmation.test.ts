import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import {
  TUESDAY,
  at,
  bookAt,
  changeSettings,
  examDoctor,
  newPatient,
  patientCaller,
} from '@server/testing/booking-setup';

/**
 * A patient's direct move where the clinic confirms bookings (docs/product.md §4 confirmation
 * policy, §6): the new time waits for the clinic like a new booking; staff moves keep the status.
 */
describe('a patient’s direct move under the confirmation policy', () => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await createTestHub();
    changeSettings(hub, { patientDirectReschedule: true, bookingNeedsConfirmation: true });
  });
  afterEach(() => hub.close());

  /** A patient's booking on Tuesday at `time`, confirmed by the clinic. */
  async function confirmedBooking(time: string) {
    const doctor = examDoctor(hub);
    const patient = newPatient(hub);
    const app = patientCaller(hub, patient.id);
    const booked = await bookAt(hub, app, doctor.id, patient.id, at(TUESDAY, time));
    expect(booked.status).toBe('REQUESTED');
    await hub.call(hub.admin, 'appointments.confirm', { id: booked.id });
    return { doctor, app, booked };
  }

  it('goes back to REQUESTED, recorded as a transition, and shows among the clinic’s requests', async () => {
    const { doctor, app, booked } = await confirmedBooking('09:00');
    const moved = await hub.call(app, 'appointments.reschedule', {
      id: booked.id,
      newStartsAt: at(TUESDAY, '12:00'),
      reason: 'Exam day',
    });
    expect(moved).toMatchObject({ status: 'REQUESTED', startsAt: at(TUESDAY, '12:00') });

    const { transitions } = await hub.call(hub.admin, 'appointments.history', { id: booked.id });
    expect(transitions.at(-1)).toMatchObject({
      from: 'CONFIRMED',
      to: 'REQUESTED',
      actorRole: 'patient',
      reason: 'Moved by the patient; waiting for the clinic’s confirmation',
    });
    // What the doctor's Requests screen reads (renderer/screens/shared/requests/use-requests.ts).
    const requests = await hub.call(hub.admin, 'appointments.list', {
      doctorId: doctor.id,
      statuses: ['REQUESTED'],
      fromDate: TUESDAY,
    });
    expect(requests.items.map((item) => item.id)).toEqual([booked.id]);
    // The clinic confirms the new time as it would a booking.
    const confirmed = await hub.call(hub.admin, 'appointments.confirm', { id: booked.id });
    expect(confirmed.status).toBe('CONFIRMED');
  });

  it('a REQUESTED booking moved by the patient stays REQUESTED with no extra transition', async () => {
    const doctor = examDoctor(hub);
    const patient = newPatient(hub);
    const app = patientCaller(hub, patient.id);
    const booked = await bookAt(hub, app, doctor.id, patient.id, at(TUESDAY, '09:00'));
    const moved = await hub.call(app, 'appointments.reschedule', {
      id: booked.id,
      newStartsAt: at(TUESDAY, '12:00'),
      reason: 'Exam day',
    });
    expect(moved).toMatchObject({ status: 'REQUESTED', startsAt: at(TUESDAY, '12:00') });
    const { transitions } = await hub.call(hub.admin, 'appointments.history', { id: booked.id });
    expect(transitions.map((t) => [t.from, t.to])).toEqual([[null, 'REQUESTED']]);
  });

  it('a staff move keeps CONFIRMED', async () => {
    const { booked } = await confirmedBooking('09:00');
    const moved = await hub.call(hub.admin, 'appointments.reschedule', {
      id: booked.id,
      newStartsAt: at(TUESDAY, '12:00'),
      reason: 'Doctor delayed',
    });
    expect(moved.status).toBe('CONFIRMED');
    const { transitions } = await hub.call(hub.admin, 'appointments.history', { id: booked.id });
    expect(transitions.map((t) => t.to)).toEqual(['REQUESTED', 'CONFIRMED']);
  });

  it('without the confirmation policy a patient’s move keeps CONFIRMED', async () => {
    changeSettings(hub, { bookingNeedsConfirmation: false });
    const doctor = examDoctor(hub);
    const patient = newPatient(hub);
    const app = patientCaller(hub, patient.id);
    const booked = await bookAt(hub, app, doctor.id, patient.id, at(TUESDAY, '09:00'));
    const moved = await hub.call(app, 'appointments.reschedule', {
      id: booked.id,
      newStartsAt: at(TUESDAY, '12:00'),
      reason: 'Exam day',
    });
    expect(moved.status).toBe('CONFIRMED');
  });
});
