import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestHub, freshAdmin, type TestHub } from '@server/testing/test-hub';
import {
  MONDAY,
  TUESDAY,
  at,
  bookAt,
  changeSettings,
  examDoctor,
  localTimes,
  newPatient,
  patientCaller,
  refusal,
} from '@server/testing/booking-setup';

describe('appointment lifecycle (docs/product.md §5)', () => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await createTestHub();
  });
  afterEach(() => hub.close());

  it('a patient may cancel before the 2-hour window, not inside it', async () => {
    const doctor = examDoctor(hub);
    const patient = newPatient(hub);
    const app = patientCaller(hub, patient.id);
    const soon = await bookAt(hub, app, doctor.id, patient.id, at(MONDAY, '09:30'));
    const failure = await refusal(hub.call(app, 'appointments.cancel', { id: soon.id }), 'POLICY');
    expect(failure.message).toContain('2 hours');

    const later = await bookAt(hub, app, doctor.id, patient.id, at(TUESDAY, '09:30'));
    const cancelled = await hub.call(app, 'appointments.cancel', { id: later.id });
    expect(cancelled.status).toBe('CANCELLED');
    const [day] = await hub.call(app, 'slots.list', {
      doctorId: doctor.id,
      fromDate: TUESDAY,
      toDate: TUESDAY,
    });
    expect(localTimes(day!.slots)).toContain('09:30');
  });

  it('staff must give a reason to cancel; another patient gets NOT_FOUND', async () => {
    const doctor = examDoctor(hub);
    const patient = newPatient(hub);
    const booked = await bookAt(hub, hub.admin, doctor.id, patient.id, at(TUESDAY, '10:00'));
    const failure = await refusal(
      hub.call(hub.admin, 'appointments.cancel', { id: booked.id }),
      'VALIDATION',
    );
    expect(failure.error.fields?.[0]?.field).toBe('reason');
    const stranger = patientCaller(hub, newPatient(hub, 'Ravi Kumar').id);
    await refusal(hub.call(stranger, 'appointments.cancel', { id: booked.id }), 'NOT_FOUND');
    const ok = await hub.call(hub.admin, 'appointments.cancel', { id: booked.id, reason: 'Patient called' });
    expect(ok.status).toBe('CANCELLED');
    await refusal(hub.call(hub.admin, 'appointments.confirm', { id: booked.id }), 'INVALID_TRANSITION');
  });

  it('no-show only after the start; undone the same day as its own event; not the next day', async () => {
    const doctor = examDoctor(hub);
    const booked = await bookAt(hub, hub.admin, doctor.id, newPatient(hub).id, at(MONDAY, '09:00'));
    await refusal(hub.call(hub.admin, 'appointments.markNoShow', { id: booked.id }), 'POLICY');

    hub.clock.set(at(MONDAY, '09:20'));
    const admin = await freshAdmin(hub);
    const noShow = await hub.call(admin, 'appointments.markNoShow', { id: booked.id });
    expect(noShow.status).toBe('NO_SHOW');
    const history = await hub.call(admin, 'appointments.history', { id: booked.id });
    const mistaken = history.transitions.at(-1)!;
    expect(mistaken).toMatchObject({ from: 'CONFIRMED', to: 'NO_SHOW', actorRole: 'admin' });

    const undone = await hub.call(admin, 'appointments.undoTransition', {
      transitionId: mistaken.id,
      reason: 'Patient was in the washroom',
    });
    expect(undone.status).toBe('CONFIRMED');
    const after = await hub.call(admin, 'appointments.history', { id: booked.id });
    expect(after.transitions.map((t) => [t.from, t.to, t.undoOf])).toEqual([
      [null, 'CONFIRMED', null],
      ['CONFIRMED', 'NO_SHOW', null],
      ['NO_SHOW', 'CONFIRMED', mistaken.id],
    ]);
    // The undo itself cannot be undone, and the old transition is no longer the latest.
    await refusal(
      hub.call(admin, 'appointments.undoTransition', { transitionId: mistaken.id, reason: 'again' }),
      'INVALID_TRANSITION',
    );

    const second = await hub.call(admin, 'appointments.markNoShow', { id: booked.id });
    hub.clock.set(at(TUESDAY, '08:00'));
    const nextDay = await freshAdmin(hub);
    const latest = (await hub.call(nextDay, 'appointments.history', { id: second.id })).transitions.at(-1)!;
    await refusal(
      hub.call(nextDay, 'appointments.undoTransition', { transitionId: latest.id, reason: 'too late' }),
      'POLICY',
    );
  });

  it('undoing a cancellation re-claims the time, or refuses with SLOT_TAKEN if it was rebooked', async () => {
    const doctor = examDoctor(hub);
    const booked = await bookAt(hub, hub.admin, doctor.id, newPatient(hub).id, at(TUESDAY, '11:00'));
    await hub.call(hub.admin, 'appointments.cancel', { id: booked.id, reason: 'Called to cancel' });
    await bookAt(hub, hub.admin, doctor.id, newPatient(hub, 'Meera Iyer').id, at(TUESDAY, '11:00'));
    const { transitions } = await hub.call(hub.admin, 'appointments.history', { id: booked.id });
    const failure = await refusal(
      hub.call(hub.admin, 'appointments.undoTransition', {
        transitionId: transitions.at(-1)!.id,
        reason: 'Cancelled the wrong one',
      }),
      'SLOT_TAKEN',
    );
    expect(failure.error.nextSlots?.length).toBeGreaterThan(0);
    expect((await hub.call(hub.admin, 'appointments.get', { id: booked.id })).status).toBe('CANCELLED');
  });

  it('a doctor confirms and declines only their own requests; receptionists cannot decline', async () => {
    changeSettings(hub, { bookingNeedsConfirmation: true });
    const mine = examDoctor(hub);
    const other = examDoctor(hub);
    const doctor = await hub.signIn('doctor', { doctorId: mine.id });
    const receptionist = await hub.signIn('receptionist');
    const a = await bookAt(hub, hub.admin, mine.id, newPatient(hub).id, at(TUESDAY, '09:00'));
    const b = await bookAt(hub, hub.admin, other.id, newPatient(hub).id, at(TUESDAY, '09:00'));
    await refusal(hub.call(doctor, 'appointments.decline', { id: b.id, reason: 'Not mine' }), 'NOT_FOUND');
    await refusal(hub.call(receptionist, 'appointments.decline', { id: a.id, reason: 'No' }), 'FORBIDDEN');
    const declined = await hub.call(doctor, 'appointments.decline', {
      id: a.id,
      reason: 'On call at the hospital',
    });
    expect(declined.status).toBe('CANCELLED');
    const confirmed = await hub.call(receptionist, 'appointments.confirm', { id: b.id });
    expect(confirmed.status).toBe('CONFIRMED');
  });
});
