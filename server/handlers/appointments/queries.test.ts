import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '@shared/contract/index';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import {
  MONDAY,
  TUESDAY,
  at,
  bookAt,
  examDoctor,
  newPatient,
  patientCaller,
  refusal,
} from '@server/testing/booking-setup';

describe('appointment queries', () => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await createTestHub();
  });
  afterEach(() => hub.close());

  it('lists by status, date range, doctor and patient, ordered by time, with a total', async () => {
    const first = examDoctor(hub);
    const second = examDoctor(hub);
    const asha = newPatient(hub);
    const ravi = newPatient(hub, 'Ravi Kumar');
    const a = await bookAt(hub, hub.admin, first.id, asha.id, at(TUESDAY, '10:00'));
    const b = await bookAt(hub, hub.admin, first.id, ravi.id, at(MONDAY, '09:00'));
    const c = await bookAt(hub, hub.admin, second.id, ravi.id, at('2026-11-25', '09:00'));
    await hub.call(hub.admin, 'appointments.cancel', { id: c.id, reason: 'Travelling' });

    const all = await hub.call(hub.admin, 'appointments.list', {});
    expect(all.items.map((x) => x.id)).toEqual([b.id, a.id, c.id]);
    expect(all.total).toBe(3);
    const page = await hub.call(hub.admin, 'appointments.list', { limit: 1, offset: 1 });
    expect(page).toMatchObject({ total: 3, items: [{ id: a.id }] });
    const filtered = async (input: InputOf<'appointments.list'>) =>
      (await hub.call(hub.admin, 'appointments.list', input)).items.map((x) => x.id);
    expect(await filtered({ statuses: ['CANCELLED'] })).toEqual([c.id]);
    expect(await filtered({ fromDate: TUESDAY, toDate: TUESDAY })).toEqual([a.id]);
    expect(await filtered({ doctorId: first.id, patientId: ravi.id })).toEqual([b.id]);
  });

  it('finds appointments by number (any case), by id, and by patient name prefix, newest first', async () => {
    const doctor = examDoctor(hub);
    const jose = newPatient(hub, 'José Núñez');
    const older = await bookAt(hub, hub.admin, doctor.id, jose.id, at(TUESDAY, '09:00'));
    const newer = await bookAt(hub, hub.admin, doctor.id, jose.id, at('2026-11-26', '09:00'));
    await bookAt(hub, hub.admin, doctor.id, newPatient(hub, 'Asha Rao').id, at(TUESDAY, '10:00'));
    const search = async (text: string) =>
      (await hub.call(hub.admin, 'appointments.search', { text })).map((x) => x.id);
    expect(await search('a-2026-000001')).toEqual([older.id]);
    expect(await search(newer.id.toUpperCase())).toEqual([newer.id]);
    expect(await search('nun')).toEqual([newer.id, older.id]);
    expect(await search('JOSE NU')).toEqual([newer.id, older.id]);
    expect(await search(jose.code)).toEqual([newer.id, older.id]);
    expect(await search('zzz')).toEqual([]);
  });

  it('gives a patient their own upcoming and past appointments, and nobody else’s', async () => {
    const doctor = examDoctor(hub);
    const patient = newPatient(hub);
    const app = patientCaller(hub, patient.id);
    const today = await bookAt(hub, app, doctor.id, patient.id, at(MONDAY, '09:00'));
    const tomorrow = await bookAt(hub, app, doctor.id, patient.id, at(TUESDAY, '09:00'));
    const friday = await bookAt(hub, app, doctor.id, patient.id, at('2026-11-27', '09:00'));
    await hub.call(app, 'appointments.cancel', { id: friday.id, reason: 'Feeling better' });
    const stranger = await bookAt(
      hub,
      hub.admin,
      doctor.id,
      newPatient(hub, 'Ravi Kumar').id,
      at(TUESDAY, '10:00'),
    );

    const ids = async (when: 'upcoming' | 'past') =>
      (await hub.call(app, 'appointments.mine', { when })).map((x) => x.id);
    expect(await ids('upcoming')).toEqual([today.id, tomorrow.id]);
    expect(await ids('past')).toEqual([friday.id]);

    hub.clock.set(at(MONDAY, '10:00'));
    const later = patientCaller(hub, patient.id);
    expect((await hub.call(later, 'appointments.mine', { when: 'past' })).map((x) => x.id)).toEqual([
      friday.id,
      today.id,
    ]);
    expect((await hub.call(later, 'appointments.get', { id: tomorrow.id })).id).toBe(tomorrow.id);
    await refusal(hub.call(later, 'appointments.get', { id: stranger.id }), 'NOT_FOUND');
    await refusal(hub.call(later, 'appointments.history', { id: stranger.id }), 'NOT_FOUND');
    await refusal(hub.call(later, 'appointments.list', {}), 'FORBIDDEN');
  });
});
