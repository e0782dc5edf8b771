import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import {
  TUESDAY,
  at,
  bookAt,
  examDoctor,
  newPatient,
  patientCaller,
  refusal,
} from '@server/testing/booking-setup';

/** The clinic's list of patients' pending reschedule requests (docs/product.md §6). */
describe('appointments.rescheduleRequests', () => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await createTestHub();
  });
  afterEach(() => hub.close());

  /** A patient's booking with `doctorId` at `time` on Tuesday, and their request to move it. */
  async function requested(doctorId: string, time: string, note: string) {
    const patient = newPatient(hub);
    const app = patientCaller(hub, patient.id);
    const booked = await bookAt(hub, app, doctorId, patient.id, at(TUESDAY, time));
    const request = await hub.call(app, 'appointments.requestReschedule', {
      id: booked.id,
      requestId: randomUUID(),
      preferredStartsAt: at('2026-11-25', time),
      note,
    });
    return { booked, request, app };
  }

  it('lists the pending ones, soonest first, with the appointment; a doctor sees only their own', async () => {
    const first = examDoctor(hub);
    const second = examDoctor(hub);
    const late = await requested(first.id, '11:00', 'After lunch please');
    const early = await requested(first.id, '09:00', 'Stuck at work');
    const other = await requested(second.id, '10:00', 'Travelling');
    const reception = await hub.signIn('receptionist');
    const doctor = await hub.signIn('doctor', { doctorId: first.id });

    const all = await hub.call(reception, 'appointments.rescheduleRequests', {});
    expect(all.map((p) => p.request.id)).toEqual([early.request.id, other.request.id, late.request.id]);
    expect(all[0]).toEqual({ request: early.request, appointment: early.booked });
    expect(all[0]!.appointment.bookedVia).toBe('patient_app');
    const byDoctor = await hub.call(reception, 'appointments.rescheduleRequests', { doctorId: second.id });
    expect(byDoctor.map((p) => p.request.id)).toEqual([other.request.id]);

    // The doctor's own only, even when the input names another doctor.
    for (const input of [{}, { doctorId: second.id }]) {
      const mine = await hub.call(doctor, 'appointments.rescheduleRequests', input);
      expect(mine.map((p) => p.request.id)).toEqual([early.request.id, late.request.id]);
    }
    await refusal(hub.call(other.app, 'appointments.rescheduleRequests', {}), 'FORBIDDEN');

    // Decided, or on an appointment cancelled meanwhile: no longer waiting.
    await hub.call(doctor, 'appointments.decideReschedule', {
      requestId: early.request.id,
      approve: true,
      newStartsAt: at('2026-11-25', '09:00'),
    });
    await hub.call(other.app, 'appointments.cancel', { id: other.booked.id });
    const left = await hub.call(reception, 'appointments.rescheduleRequests', {});
    expect(left.map((p) => p.request.id)).toEqual([late.request.id]);
  });
});
