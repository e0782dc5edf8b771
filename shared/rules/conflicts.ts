import type { WeeklyWindow } from '@shared/domain/schedule.schema';
import { minutesOfDay } from '@shared/domain/schedule.schema';
import { type Interval, overlaps } from './interval';
import { type ExceptionLike, workingDays } from './working-day';
import { clinicDate, toEpochMs } from './zoned-time';

/** Conflict rules (docs/product.md §3–4): overlaps of doctors, patients and rooms, and schedule collisions. */

/** Statuses that hold a doctor's and a patient's time (docs/product.md §5). */
export const ACTIVE_STATUSES = ['REQUESTED', 'CONFIRMED', 'CHECKED_IN'] as const;
export type ActiveStatus = (typeof ACTIVE_STATUSES)[number];

export function isActiveStatus(status: string): status is ActiveStatus {
  return (ACTIVE_STATUSES as readonly string[]).includes(status);
}

export interface AppointmentLike {
  id: string;
  doctorId: string;
  patientId: string;
  /** ISO instants. */
  start: string;
  end: string;
  /** Buffer minutes recorded with the appointment. */
  bufferBefore: number;
  bufferAfter: number;
  status: string;
}

/** A booking being checked; `id` is set when an existing appointment is being moved. */
export type CandidateAppointment = Omit<AppointmentLike, 'id' | 'status'> & { id?: string };

type Timed = Pick<AppointmentLike, 'start' | 'end' | 'bufferBefore' | 'bufferAfter'>;

/** The appointment's own time, [start, end). */
export function ownInterval(appointment: Pick<AppointmentLike, 'start' | 'end'>): Interval {
  return { start: toEpochMs(appointment.start), end: toEpochMs(appointment.end) };
}

/** The doctor's time the appointment occupies: [start − before, end + after). */
export function occupiedInterval(appointment: Timed): Interval {
  const own = ownInterval(appointment);
  return {
    start: own.start - appointment.bufferBefore * 60_000,
    end: own.end + appointment.bufferAfter * 60_000,
  };
}

const others = <T extends AppointmentLike>(candidate: CandidateAppointment, existing: readonly T[]) =>
  existing.filter((a) => isActiveStatus(a.status) && (candidate.id === undefined || a.id !== candidate.id));

/** Active appointments of the same doctor whose occupied intervals (buffers included) overlap. */
export function doctorConflicts<T extends AppointmentLike>(
  candidate: CandidateAppointment,
  existing: readonly T[],
): T[] {
  const occupied = occupiedInterval(candidate);
  return others(candidate, existing).filter(
    (a) => a.doctorId === candidate.doctorId && overlaps(occupied, occupiedInterval(a)),
  );
}

/** Active appointments of the same patient, with any doctor, whose own [start, end) overlap. */
export function patientConflicts<T extends AppointmentLike>(
  candidate: CandidateAppointment,
  existing: readonly T[],
): T[] {
  const own = ownInterval(candidate);
  return others(candidate, existing).filter(
    (a) => a.patientId === candidate.patientId && overlaps(own, ownInterval(a)),
  );
}

export interface RoomConflict {
  roomId: string;
  weekday: number;
  first: { doctorId: string; window: WeeklyWindow };
  second: { doctorId: string; window: WeeklyWindow };
}

/** Pairs of doctors whose weekly windows use the same room at overlapping times of a weekday. */
export function roomConflicts(
  windowsByDoctor: Readonly<Record<string, readonly WeeklyWindow[]>>,
): RoomConflict[] {
  const entries = Object.entries(windowsByDoctor)
    .flatMap(([doctorId, windows]) => windows.map((window) => ({ doctorId, window })))
    .filter(
      (e): e is { doctorId: string; window: WeeklyWindow & { roomId: string } } => e.window.roomId !== null,
    )
    .sort(
      (a, b) =>
        a.window.roomId.localeCompare(b.window.roomId) ||
        a.window.weekday - b.window.weekday ||
        minutesOfDay(a.window.start) - minutesOfDay(b.window.start),
    );
  const conflicts: RoomConflict[] = [];
  for (let i = 0; i < entries.length; i++) {
    const first = entries[i]!;
    for (let j = i + 1; j < entries.length; j++) {
      const second = entries[j]!;
      const sameDay =
        second.window.roomId === first.window.roomId && second.window.weekday === first.window.weekday;
      if (!sameDay || minutesOfDay(second.window.start) >= minutesOfDay(first.window.end)) break;
      if (second.doctorId !== first.doctorId) {
        conflicts.push({ roomId: first.window.roomId, weekday: first.window.weekday, first, second });
      }
    }
  }
  return conflicts;
}

export interface ScheduleCollision<T> {
  appointment: T;
  /** The appointment's clinic date. */
  date: string;
  /** leave: it fits the windows but leave takes its time; outside_hours: it no longer fits the windows. */
  reason: 'leave' | 'outside_hours';
}

const fitsIn = (own: Interval, pieces: readonly Interval[]) =>
  pieces.some((p) => p.start <= own.start && own.end <= p.end);

/**
 * Active appointments that would no longer lie inside the doctor's working time under a new weekly
 * schedule and exceptions (docs/product.md §3: the collisions are listed, never silently dropped). Buffers may
 * extend past a window's edge, so only the appointment's own [start, end) must fit.
 */
export function findScheduleCollisions<T extends AppointmentLike>(
  newWeeklyWindows: readonly WeeklyWindow[],
  exceptions: readonly ExceptionLike[],
  appointments: readonly T[],
  zone: string,
): ScheduleCollision<T>[] {
  const dayOf = workingDays(zone, newWeeklyWindows, exceptions);
  const collisions: ScheduleCollision<T>[] = [];
  for (const appointment of appointments) {
    if (!isActiveStatus(appointment.status)) continue;
    const own = ownInterval(appointment);
    const date = clinicDate(own.start, zone);
    const day = dayOf(date);
    if (day.kind === 'working' && fitsIn(own, day.pieces)) continue;
    const leaveTookIt =
      day.kind === 'leave' ? true : day.kind === 'working' ? fitsIn(own, day.windows) : false;
    collisions.push({ appointment, date, reason: leaveTookIt ? 'leave' : 'outside_hours' });
  }
  return collisions.sort((a, b) => ownInterval(a.appointment).start - ownInterval(b.appointment).start);
}
