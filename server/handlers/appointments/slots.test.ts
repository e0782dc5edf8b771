import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestHub, freshAdmin, type TestHub } from '@server/testing/test-hub';
import { insertDoctor } from '@server/testing/fixtures';
import {
  MONDAY,
  TUESDAY,
  at,
  bookAt,
  examDoctor,
  localTimes,
  newPatient,
  refusal,
} from '@server/testing/booking-setup';

const WORKED_EXAMPLE = [
  '09:00',
  '09:30',
  '10:00',
  '10:30',
  '11:00',
  '11:30',
  '12:00',
  '12:30',
  '14:00',
  '14:30',
  '15:00',
  '15:30',
  '16:00',
  '16:30',
];

describe('slots.list (docs/product.md §4)', () => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await createTestHub();
  });
  afterEach(() => hub.close());

  it('gives exactly the worked example for a weekday, as UTC instants of the Kolkata wall times', async () => {
    const doctor = examDoctor(hub);
    const [day] = await hub.call(hub.admin, 'slots.list', {
      doctorId: doctor.id,
      fromDate: TUESDAY,
      toDate: TUESDAY,
    });
    expect(day).toMatchObject({ doctorId: doctor.id, date: TUESDAY, available: true, message: null });
    expect(localTimes(day!.slots)).toEqual(WORKED_EXAMPLE);
    expect(day!.slots[0]).toEqual({
      start: '2026-11-24T03:30:00.000Z',
      end: '2026-11-24T04:00:00.000Z',
      localTime: '09:00',
      roomId: null,
    });
  });

  it('removes a booked slot and keeps the others', async () => {
    const doctor = examDoctor(hub);
    await bookAt(hub, hub.admin, doctor.id, newPatient(hub).id, at(TUESDAY, '10:30'));
    const [day] = await hub.call(hub.admin, 'slots.list', {
      doctorId: doctor.id,
      fromDate: TUESDAY,
      toDate: TUESDAY,
    });
    expect(localTimes(day!.slots)).toEqual(WORKED_EXAMPLE.filter((t) => t !== '10:30'));
  });

  it('answers several doctors in one call (a board), each doctor’s days in the order asked', async () => {
    const [first, second] = [examDoctor(hub), examDoctor(hub)];
    await bookAt(hub, hub.admin, second.id, newPatient(hub).id, at(TUESDAY, '10:30'));
    const days = await hub.call(hub.admin, 'slots.list', {
      doctorIds: [second.id, first.id],
      fromDate: MONDAY,
      toDate: TUESDAY,
    });
    expect(days.map((d) => [d.doctorId, d.date])).toEqual([
      [second.id, MONDAY],
      [second.id, TUESDAY],
      [first.id, MONDAY],
      [first.id, TUESDAY],
    ]);
    expect(localTimes(days[1]!.slots)).toEqual(WORKED_EXAMPLE.filter((t) => t !== '10:30'));
    expect(localTimes(days[3]!.slots)).toEqual(WORKED_EXAMPLE);
    const both = { doctorId: first.id, doctorIds: [first.id], fromDate: TUESDAY, toDate: TUESDAY };
    expect((await refusal(hub.call(hub.admin, 'slots.list', both), 'VALIDATION')).error.fields).toEqual([
      { field: 'doctorId', message: 'give either doctorId or doctorIds' },
    ]);
  });

  it('removes past slots today (clock at 10:10)', async () => {
    const doctor = examDoctor(hub);
    hub.clock.set(at(MONDAY, '10:10'));
    const [day] = await hub.call(await freshAdmin(hub), 'slots.list', {
      doctorId: doctor.id,
      fromDate: MONDAY,
      toDate: MONDAY,
    });
    expect(localTimes(day!.slots)).toEqual(WORKED_EXAMPLE.slice(3));
  });

  it('says "Doctor not available" on a leave date and on a weekend, and booking there is refused', async () => {
    const doctor = examDoctor(hub);
    hub.db.run(
      hub.db.q.insertInto('schedule_exceptions').values({
        id: randomUUID(),
        doctorId: doctor.id,
        date: TUESDAY,
        kind: 'leave',
        window: null,
        reason: 'Conference',
      }),
    );
    const days = await hub.call(hub.admin, 'slots.list', {
      doctorId: doctor.id,
      fromDate: MONDAY,
      toDate: '2026-11-29',
    });
    expect(days.map((d) => [d.date, d.available])).toEqual([
      [MONDAY, true],
      [TUESDAY, false],
      ['2026-11-25', true],
      ['2026-11-26', true],
      ['2026-11-27', true],
      ['2026-11-28', false],
      ['2026-11-29', false],
    ]);
    expect(days[1]).toMatchObject({ message: 'Doctor not available', slots: [] });

    const failure = await refusal(
      bookAt(hub, hub.admin, doctor.id, newPatient(hub).id, at(TUESDAY, '09:00')),
      'DOCTOR_NOT_AVAILABLE',
    );
    expect(failure.message).toMatch(/^Doctor not available/);
    expect(hub.db.all(hub.db.q.selectFrom('appointments').select('id'))).toEqual([]);
  });

  it('respects buffers: the grid steps by session + buffers, and an appointment blocks its neighbours', async () => {
    const doctor = examDoctor(hub, { before: 5, after: 5 });
    const window = (day: { slots: { localTime: string }[] }) =>
      localTimes(day.slots).filter((t) => t < '13:00');
    const list = async () =>
      (
        await hub.call(hub.admin, 'slots.list', { doctorId: doctor.id, fromDate: TUESDAY, toDate: TUESDAY })
      )[0]!;
    expect(window(await list())).toEqual(['09:00', '09:40', '10:20', '11:00', '11:40', '12:20']);

    // A staff override at 09:10 occupies 09:05–09:45 and so takes both 09:00 and 09:40.
    const booked = await bookAt(hub, hub.admin, doctor.id, newPatient(hub).id, at(TUESDAY, '09:10'), {
      overrideReason: 'Patient can only come at 9:10',
    });
    expect(booked).toMatchObject({ bufferBeforeMinutes: 5, bufferAfterMinutes: 5 });
    expect(window(await list())).toEqual(['10:20', '11:00', '11:40', '12:20']);

    // Back to back without the buffer gap is refused by the database claims, with suggestions.
    const failure = await refusal(
      bookAt(hub, hub.admin, doctor.id, newPatient(hub).id, at(TUESDAY, '09:45'), {
        overrideReason: 'Squeeze in right after',
      }),
      'SLOT_TAKEN',
    );
    expect(failure.error.nextSlots?.[0]).toEqual({ start: at(TUESDAY, '10:20'), end: at(TUESDAY, '10:50') });
  });

  it('a grid time books exactly when it is offered: the database claims agree with the slot engine', async () => {
    const doctor = examDoctor(hub, { before: 5, after: 5 });
    for (const time of ['09:10', '11:55', '14:30']) {
      await bookAt(hub, hub.admin, doctor.id, newPatient(hub).id, at(TUESDAY, time), {
        overrideReason: 'Only time the patient can come',
      });
    }
    const [day] = await hub.call(hub.admin, 'slots.list', {
      doctorId: doctor.id,
      fromDate: TUESDAY,
      toDate: TUESDAY,
    });
    const offered = localTimes(day!.slots);
    expect(offered).toEqual(['10:20', '11:00', '15:20', '16:00']);
    const grid = ['09:00', '09:40', '10:20', '11:00', '11:40', '12:20', '14:00', '14:40', '15:20', '16:00'];
    for (const time of grid.filter((t) => !offered.includes(t))) {
      const failure = await refusal(
        bookAt(hub, hub.admin, doctor.id, newPatient(hub).id, at(TUESDAY, time)),
        'SLOT_TAKEN',
      );
      expect(failure.error.nextSlots?.[0]?.start, time).toBe(
        at(
          TUESDAY,
          offered.find((t) => t > time)!,
        ),
      );
    }
    for (const time of offered)
      await bookAt(hub, hub.admin, doctor.id, newPatient(hub).id, at(TUESDAY, time));
    const booked = hub.db.all(hub.db.q.selectFrom('appointments').select('id'));
    expect(booked).toHaveLength(3 + offered.length);
  });

  it('slots.nextFree lists the next free slots across days', async () => {
    const doctor = examDoctor(hub);
    hub.clock.set(at(MONDAY, '16:10'));
    const next = await hub.call(await freshAdmin(hub), 'slots.nextFree', {
      doctorId: doctor.id,
      from: at(MONDAY, '16:00'),
      limit: 3,
    });
    expect(localTimes(next)).toEqual(['16:30', '09:00', '09:30']);
    expect(next[1]!.start).toBe(at(TUESDAY, '09:00'));
  });

  it('uses the clinic default buffers when the doctor has no override', async () => {
    const doctor = insertDoctor(hub.db, { sessionMinutes: 15, bufferOverride: null });
    hub.db.run(
      hub.db.q.insertInto('weekly_windows').values({
        id: randomUUID(),
        doctorId: doctor.id,
        weekday: 2,
        start: '09:00',
        end: '10:00',
        roomId: null,
      }),
    );
    const [day] = await hub.call(hub.admin, 'slots.list', {
      doctorId: doctor.id,
      fromDate: TUESDAY,
      toDate: TUESDAY,
    });
    expect(localTimes(day!.slots)).toEqual(['09:00', '09:25']);
  });
});
