import { describe, expect, it } from 'vitest';
import type { WeeklyWindow } from '@shared/domain/schedule.schema';
import {
  ACTIVE_STATUSES,
  type AppointmentLike,
  doctorConflicts,
  findScheduleCollisions,
  isActiveStatus,
  occupiedInterval,
  patientConflicts,
  roomConflicts,
} from './conflicts';
import { overlaps } from './interval';
import { type ExceptionLike, workingDay } from './working-day';
import { localToInstant } from './zoned-time';

const ZONE = 'Asia/Kolkata';
const MONDAY = '2026-11-23';
const DOC_1 = 'doctor-1';
const DOC_2 = 'doctor-2';
const ROOM = 'room-1';

const at = (time: string, date = MONDAY, zone = ZONE) => localToInstant(date, time, zone);
let nextId = 0;
function appointment(start: string, end: string, overrides: Partial<AppointmentLike> = {}): AppointmentLike {
  nextId += 1;
  return {
    id: `appt-${nextId}`,
    doctorId: DOC_1,
    patientId: 'patient-1',
    start: at(start),
    end: at(end),
    bufferBefore: 5,
    bufferAfter: 5,
    status: 'CONFIRMED',
    ...overrides,
  };
}
const window = (weekday: number, start: string, end: string, roomId: string | null = null): WeeklyWindow => ({
  weekday,
  start,
  end,
  roomId,
});

describe('statuses and intervals', () => {
  it('counts REQUESTED, CONFIRMED and CHECKED_IN as active', () => {
    expect(ACTIVE_STATUSES).toEqual(['REQUESTED', 'CONFIRMED', 'CHECKED_IN']);
    for (const status of ACTIVE_STATUSES) expect(isActiveStatus(status)).toBe(true);
    for (const status of ['COMPLETED', 'CANCELLED', 'NO_SHOW', 'confirmed', '']) {
      expect(isActiveStatus(status)).toBe(false);
    }
  });

  it('overlaps is half-open: touching is fine, an empty interval overlaps nothing', () => {
    expect(overlaps({ start: 0, end: 10 }, { start: 5, end: 15 })).toBe(true);
    expect(overlaps({ start: 0, end: 10 }, { start: 2, end: 3 })).toBe(true);
    expect(overlaps({ start: 2, end: 3 }, { start: 0, end: 10 })).toBe(true);
    expect(overlaps({ start: 0, end: 10 }, { start: 10, end: 20 })).toBe(false);
    expect(overlaps({ start: 10, end: 20 }, { start: 0, end: 10 })).toBe(false);
    expect(overlaps({ start: 5, end: 5 }, { start: 0, end: 10 })).toBe(false);
    expect(overlaps({ start: 0, end: 10 }, { start: 5, end: 5 })).toBe(false);
  });

  it('an appointment occupies [start − before, end + after)', () => {
    expect(occupiedInterval(appointment('10:00', '10:30', { bufferBefore: 10, bufferAfter: 15 }))).toEqual({
      start: Date.parse(at('09:50')),
      end: Date.parse(at('10:45')),
    });
  });
});

describe('doctorConflicts', () => {
  const existing = [
    appointment('10:00', '10:30'),
    appointment('11:00', '11:30', { status: 'CANCELLED' }),
    appointment('12:00', '12:30', { doctorId: DOC_2 }),
    appointment('13:00', '13:30', { status: 'REQUESTED' }),
    appointment('14:00', '14:30', { status: 'COMPLETED' }),
  ];
  const candidate = (start: string, end: string, overrides: Partial<AppointmentLike> = {}) => {
    const { id: _id, status: _status, ...rest } = appointment(start, end, overrides);
    return rest;
  };

  it('finds active appointments of the same doctor whose buffered time overlaps', () => {
    expect(doctorConflicts(candidate('10:35', '11:05'), existing)).toEqual([existing[0]]);
    expect(doctorConflicts(candidate('13:20', '13:50'), existing)).toEqual([existing[3]]);
  });

  it('lets buffered intervals touch: 10:40 follows 10:00–10:30 with 5 + 5 buffers', () => {
    expect(doctorConflicts(candidate('10:40', '11:10'), existing)).toEqual([]);
    expect(doctorConflicts(candidate('09:20', '09:50'), existing)).toEqual([]);
  });

  it('ignores inactive appointments and other doctors', () => {
    expect(doctorConflicts(candidate('11:00', '11:30'), existing)).toEqual([]);
    expect(doctorConflicts(candidate('12:00', '12:30'), existing)).toEqual([]);
    expect(doctorConflicts(candidate('14:00', '14:30'), existing)).toEqual([]);
    expect(doctorConflicts(candidate('12:00', '12:30', { doctorId: DOC_2 }), existing)).toEqual([
      existing[2],
    ]);
  });

  it('ignores the appointment being moved', () => {
    const moving = existing[0]!;
    expect(doctorConflicts({ ...candidate('10:15', '10:45'), id: moving.id }, existing)).toEqual([]);
    expect(doctorConflicts({ ...candidate('10:15', '10:45'), id: 'other' }, existing)).toEqual([moving]);
  });

  it('uses each side’s own buffers', () => {
    const wide = [appointment('10:00', '10:30', { bufferAfter: 30 })];
    expect(doctorConflicts(candidate('10:50', '11:20', { bufferBefore: 0 }), wide)).toHaveLength(1);
    expect(doctorConflicts(candidate('11:00', '11:30', { bufferBefore: 0 }), wide)).toHaveLength(0);
  });
});

describe('patientConflicts', () => {
  const existing = [
    appointment('10:00', '10:30', { doctorId: DOC_2 }),
    appointment('11:00', '11:30', { status: 'NO_SHOW' }),
    appointment('12:00', '12:30', { patientId: 'patient-2' }),
  ];
  const candidate = (start: string, end: string) => ({ ...appointment(start, end), id: undefined });

  it('finds overlapping active appointments of the patient across doctors, buffers not counted', () => {
    expect(patientConflicts(candidate('10:15', '10:45'), existing)).toEqual([existing[0]]);
    expect(patientConflicts(candidate('10:30', '11:00'), existing)).toEqual([]);
    expect(patientConflicts(candidate('09:30', '10:00'), existing)).toEqual([]);
  });

  it('ignores inactive appointments and other patients', () => {
    expect(patientConflicts(candidate('11:00', '11:30'), existing)).toEqual([]);
    expect(patientConflicts(candidate('12:00', '12:30'), existing)).toEqual([]);
  });
});

describe('roomConflicts', () => {
  it('finds two doctors in one room at overlapping times of a weekday', () => {
    const conflicts = roomConflicts({
      [DOC_1]: [window(1, '09:00', '13:00', ROOM), window(2, '09:00', '13:00', ROOM)],
      [DOC_2]: [window(1, '12:00', '15:00', ROOM), window(3, '09:00', '13:00', ROOM)],
    });
    expect(conflicts).toEqual([
      {
        roomId: ROOM,
        weekday: 1,
        first: { doctorId: DOC_1, window: window(1, '09:00', '13:00', ROOM) },
        second: { doctorId: DOC_2, window: window(1, '12:00', '15:00', ROOM) },
      },
    ]);
  });

  it('allows touching windows, other rooms, no room, and one doctor’s own windows', () => {
    expect(
      roomConflicts({
        [DOC_1]: [
          window(1, '09:00', '13:00', ROOM),
          window(2, '09:00', '13:00'),
          window(4, '09:00', '12:00', ROOM),
        ],
        [DOC_2]: [
          window(1, '13:00', '15:00', ROOM),
          window(1, '09:00', '13:00', 'room-2'),
          window(2, '09:00', '13:00'),
        ],
        [DOC_1 + 'x']: [],
      }),
    ).toEqual([]);
    expect(
      roomConflicts({ [DOC_1]: [window(1, '09:00', '13:00', ROOM), window(1, '10:00', '11:00', ROOM)] }),
    ).toEqual([]);
  });

  it('lists every overlapping pair', () => {
    const conflicts = roomConflicts({
      a: [window(5, '09:00', '12:00', ROOM)],
      b: [window(5, '10:00', '11:00', ROOM)],
      c: [window(5, '11:30', '13:00', ROOM)],
    });
    expect(conflicts.map((c) => `${c.first.doctorId}-${c.second.doctorId}`)).toEqual(['a-b', 'a-c']);
  });
});

describe('workingDay', () => {
  const weekly = [window(1, '09:00', '13:00', ROOM), window(1, '14:00', '17:00')];
  const leave = (start?: string, end?: string): ExceptionLike => ({
    date: MONDAY,
    kind: 'leave',
    window: start && end ? { start, end, roomId: null } : null,
  });

  it('gives the windows as instants, before and after leave', () => {
    const day = workingDay(MONDAY, ZONE, weekly, [leave('10:00', '11:00')]);
    expect(day.kind).toBe('working');
    if (day.kind !== 'working') return;
    expect(day.windows.map((w) => [w.start, w.end])).toEqual([
      [Date.parse(at('09:00')), Date.parse(at('13:00'))],
      [Date.parse(at('14:00')), Date.parse(at('17:00'))],
    ]);
    expect(day.pieces.map((w) => [w.start, w.end])).toEqual([
      [Date.parse(at('09:00')), Date.parse(at('10:00'))],
      [Date.parse(at('11:00')), Date.parse(at('13:00'))],
      [Date.parse(at('14:00')), Date.parse(at('17:00'))],
    ]);
    expect(day.pieces[1]?.windows[0]?.roomId).toBe(ROOM);
  });

  it('says leave or not_working when there is no working time', () => {
    expect(workingDay(MONDAY, ZONE, weekly, [leave()])).toEqual({ kind: 'leave' });
    expect(workingDay(MONDAY, ZONE, weekly, [leave('00:00', '23:59')])).toEqual({ kind: 'leave' });
    expect(workingDay('2026-11-24', ZONE, weekly, [])).toEqual({ kind: 'not_working' });
  });

  it('treats a window lying wholly in a DST gap as no working time', () => {
    expect(workingDay('2026-03-08', 'America/New_York', [window(7, '02:00', '02:59')], [])).toEqual({
      kind: 'not_working',
    });
  });
});

describe('findScheduleCollisions', () => {
  const weekly = [window(1, '09:00', '13:00'), window(1, '14:00', '17:00')];
  const booked = [
    appointment('16:00', '16:30'),
    appointment('09:00', '09:30'),
    appointment('12:30', '13:00'),
    appointment('13:00', '13:30', { status: 'CANCELLED' }),
    appointment('10:00', '10:30', { status: 'CHECKED_IN' }),
  ];

  it('lists nothing when everything still fits (buffers may pass the window edge)', () => {
    expect(findScheduleCollisions(weekly, [], booked, ZONE)).toEqual([]);
  });

  it('lists appointments outside a shortened schedule, sorted by start', () => {
    const shorter = [window(1, '09:30', '12:00')];
    expect(findScheduleCollisions(shorter, [], booked, ZONE)).toEqual([
      { appointment: booked[1], date: MONDAY, reason: 'outside_hours' },
      { appointment: booked[2], date: MONDAY, reason: 'outside_hours' },
      { appointment: booked[0], date: MONDAY, reason: 'outside_hours' },
    ]);
    expect(findScheduleCollisions([window(2, '09:00', '17:00')], [], booked, ZONE)).toHaveLength(4);
  });

  it('lists appointments that a new leave takes, whole day or partial', () => {
    const partial: ExceptionLike = {
      date: MONDAY,
      kind: 'leave',
      window: { start: '09:15', end: '10:15', roomId: null },
    };
    expect(findScheduleCollisions(weekly, [partial], booked, ZONE)).toEqual([
      { appointment: booked[1], date: MONDAY, reason: 'leave' },
      { appointment: booked[4], date: MONDAY, reason: 'leave' },
    ]);
    const whole: ExceptionLike = { date: MONDAY, kind: 'leave', window: null };
    expect(findScheduleCollisions(weekly, [whole], booked, ZONE).map((c) => c.reason)).toEqual([
      'leave',
      'leave',
      'leave',
      'leave',
    ]);
  });

  it('keeps appointments inside an extra window', () => {
    const saturday = appointment('10:00', '10:30');
    const onSaturday = { ...saturday, start: at('10:00', '2026-11-21'), end: at('10:30', '2026-11-21') };
    const extra: ExceptionLike = {
      date: '2026-11-21',
      kind: 'extra',
      window: { start: '10:00', end: '12:00', roomId: null },
    };
    expect(findScheduleCollisions(weekly, [extra], [onSaturday], ZONE)).toEqual([]);
    expect(findScheduleCollisions(weekly, [], [onSaturday], ZONE)).toEqual([
      { appointment: onSaturday, date: '2026-11-21', reason: 'outside_hours' },
    ]);
  });

  it('uses the clinic date of the appointment in the clinic zone', () => {
    const zone = 'America/New_York';
    const late = {
      ...appointment('09:00', '09:30'),
      start: '2026-11-24T02:00:00.000Z',
      end: '2026-11-24T02:30:00.000Z',
    };
    // 21:00 on Monday in New York, though Tuesday in UTC.
    expect(findScheduleCollisions([window(1, '20:00', '22:00')], [], [late], zone)).toEqual([]);
    expect(findScheduleCollisions([window(2, '20:00', '22:00')], [], [late], zone)).toEqual([
      { appointment: late, date: MONDAY, reason: 'outside_hours' },
    ]);
  });
});
