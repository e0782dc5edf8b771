import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiFailure, failure } from '@shared/contract/errors';
import { at, bookAt, examDoctor, newPatient, TUESDAY } from '@server/testing/booking-setup';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { claimTargetOf } from './claim-refusals';
import { refusalOf } from './db-refusals';

let hub: TestHub;
beforeEach(async () => {
  hub = await createTestHub();
});
afterEach(() => hub.close());

const ctx = () => ({ db: hub.db, settings: () => hub.core.settings(), now: hub.clock.now().toISOString() });

/**
 * The error SQLite throws for a copy of appointment `id` with `change` applied, inserted with raw
 * SQL as any writer could (no handler check runs first: only the database refuses).
 */
function refusedCopy(id: string, change: Record<string, string | null>): unknown {
  const { sqlite } = hub.db;
  const columns = sqlite
    .prepare("SELECT name FROM pragma_table_info('appointments')")
    .pluck()
    .all() as string[];
  const values = columns.map((c) => (c in change ? `@${c}` : `"${c}"`));
  try {
    sqlite
      .prepare(
        `INSERT INTO appointments (${columns.map((c) => `"${c}"`).join(', ')})
         SELECT ${values.join(', ')} FROM appointments WHERE id = @source`,
      )
      .run({ ...change, source: id });
  } catch (error) {
    return error;
  }
  throw new Error('the insert was not refused');
}

describe('database refusals, translated once (refusalOf)', () => {
  it('a doctor’s time claimed twice is SLOT_TAKEN with the next free times, never the refused one', async () => {
    const doctor = examDoctor(hub);
    const [asha, ravi] = [newPatient(hub), newPatient(hub, 'Ravi Kumar')];
    const nine = at(TUESDAY, '09:00');
    const booked = await bookAt(hub, hub.admin, doctor.id, asha.id, nine);
    const error = refusedCopy(booked.id, { id: randomUUID(), patientId: ravi.id, number: null });
    expect(error).toMatchObject({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' });
    expect((error as Error).message).toMatch(/doctor_claims/);

    const target = { doctorId: doctor.id, patientId: ravi.id, startsAt: nine, endsAt: at(TUESDAY, '09:30') };
    const refused = refusalOf(error, ctx(), target);
    expect(refused?.error).toEqual({
      code: 'SLOT_TAKEN',
      message: 'That slot was just taken. Please choose one of the next free times.',
      nextSlots: ['09:30', '10:00', '10:30', '11:00', '11:30'].map((time) => ({
        start: at(TUESDAY, time),
        end: new Date(Date.parse(at(TUESDAY, time)) + 30 * 60_000).toISOString(),
      })),
    });
    // The dispatcher and a desktop know only the input: they find the same target from it.
    const input = { id: randomUUID(), doctorId: doctor.id, patientId: ravi.id, startsAt: nine };
    expect(refusalOf(error, ctx(), () => claimTargetOf(ctx(), input))?.error).toEqual(refused?.error);
    // Nothing says which time was claimed: still SLOT_TAKEN, with nothing to offer.
    expect(refusalOf(error, ctx(), null)?.error).toEqual({
      code: 'SLOT_TAKEN',
      message: 'That slot was just taken. Please choose another time.',
      nextSlots: [],
    });
  });

  it('a patient’s time claimed twice is PATIENT_OVERLAP naming the visit it clashes with', async () => {
    const [menon, other] = [examDoctor(hub), examDoctor(hub)];
    const asha = newPatient(hub);
    const booked = await bookAt(hub, hub.admin, menon.id, asha.id, at(TUESDAY, '10:00'));
    const error = refusedCopy(booked.id, { id: randomUUID(), doctorId: other.id, number: null });
    expect((error as Error).message).toMatch(/patient_claims/);
    const move = { id: booked.id, doctorId: other.id, newStartsAt: at(TUESDAY, '10:15') };
    expect(claimTargetOf(ctx(), move)).toEqual({
      doctorId: other.id,
      patientId: asha.id,
      startsAt: at(TUESDAY, '10:15'),
      endsAt: at(TUESDAY, '10:45'),
      excludeAppointmentId: booked.id,
    });
    const input = {
      id: randomUUID(),
      doctorId: other.id,
      patientId: asha.id,
      startsAt: at(TUESDAY, '10:15'),
    };
    expect(refusalOf(error, ctx(), () => claimTargetOf(ctx(), input))?.error).toEqual({
      code: 'PATIENT_OVERLAP',
      message: `The patient already has an appointment at that time (A-2026-000001 with ${menon.fullName} at 10:00).`,
    });
  });

  it('any other constraint names its field; an ApiFailure passes; anything else is not a refusal', async () => {
    const doctor = examDoctor(hub);
    const booked = await bookAt(hub, hub.admin, doctor.id, newPatient(hub).id, at(TUESDAY, '11:00'));
    // The same appointment number again (checked before the claims, which come by trigger after).
    const again = refusalOf(refusedCopy(booked.id, { id: randomUUID() }), ctx(), null);
    expect(again?.error).toMatchObject({ code: 'CONFLICT', fields: [{ field: 'number' }] });
    const known = failure('POLICY', 'No.');
    expect(refusalOf(known, ctx(), null)).toBe(known);
    expect(refusalOf(new Error('disk I/O error'), ctx(), null)).toBeNull();
    expect(refusalOf(undefined, ctx(), null)).toBeNull();
    expect(known).toBeInstanceOf(ApiFailure);
  });
});
