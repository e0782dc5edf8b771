import { type ApiError, type ApiFailure, failure } from '@shared/contract/errors';
import { ACTIVE_STATUSES } from '@shared/rules/conflicts';
import { instantToLocal } from '@shared/rules/zoned-time';
import { findAppointment, getDoctor } from '@server/repositories/lookups.repository';
import { nextFreeSlots, type SlotContext } from '@server/repositories/slots.repository';

/** The time a write claims (an appointment's doctor and patient over [startsAt, endsAt)). */
export interface ClaimTarget {
  doctorId: string;
  patientId: string;
  startsAt: string;
  endsAt: string;
  /** The appointment being moved: its own time does not count as taken. */
  excludeAppointmentId?: string;
}

export type NextSlots = NonNullable<ApiError['nextSlots']>;

const SUGGESTIONS = 5;

/**
 * The doctor's next free times from the refused one on, at times the patient is free too, never
 * the refused time itself (a desktop's replica may not have pulled who took it yet).
 */
export function nextSlotsFor(ctx: SlotContext, target: ClaimTarget | null): NextSlots {
  if (!target) return [];
  const { doctorId, patientId, excludeAppointmentId } = target;
  const asked = Date.parse(target.startsAt);
  const from = asked > Date.parse(ctx.now) ? target.startsAt : ctx.now;
  try {
    return nextFreeSlots(ctx, doctorId, from, SUGGESTIONS + 1, {
      patientId,
      ...(excludeAppointmentId ? { excludeAppointmentId } : {}),
    })
      .filter((s) => Date.parse(s.start) !== asked)
      .slice(0, SUGGESTIONS)
      .map((s) => ({ start: s.start, end: s.end }));
  } catch {
    // A doctor this database does not hold (yet): nothing to offer, the refusal still stands.
    return [];
  }
}

/** SLOT_TAKEN (the doctor_claims refusal), with the next free times to choose from instead. */
export function slotTaken(ctx: SlotContext, target: ClaimTarget | null): ApiFailure {
  const nextSlots = nextSlotsFor(ctx, target);
  const message = !target
    ? 'That slot was just taken. Please choose another time.'
    : nextSlots.length > 0
      ? 'That slot was just taken. Please choose one of the next free times.'
      : 'That slot was just taken, and the doctor has no free time in the next two weeks.';
  return failure('SLOT_TAKEN', message, { nextSlots });
}

/** PATIENT_OVERLAP (the patient_claims refusal), naming the patient's visit it clashes with. */
export function patientOverlap(ctx: SlotContext, target: ClaimTarget | null): ApiFailure {
  const clash = target
    ? ctx.db.first(
        ctx.db.q
          .selectFrom('appointments')
          .innerJoin('doctors', 'doctors.id', 'appointments.doctorId')
          .select(['appointments.startMs', 'appointments.number', 'doctors.fullName'])
          .where('appointments.patientId', '=', target.patientId)
          .where('appointments.id', '!=', target.excludeAppointmentId ?? '')
          .where('appointments.status', 'in', ACTIVE_STATUSES)
          .where('appointments.slotless', '=', 0)
          .where('appointments.startMs', '<', Date.parse(target.endsAt))
          .where('appointments.endMs', '>', Date.parse(target.startsAt))
          .orderBy('appointments.startMs'),
      )
    : undefined;
  const detail = clash
    ? ` (${clash.number ?? 'another booking'} with ${clash.fullName} at ` +
      `${instantToLocal(clash.startMs, ctx.settings().timeZone).time})`
    : '';
  return failure('PATIENT_OVERLAP', `The patient already has an appointment at that time${detail}.`);
}

/**
 * The time a booking or move input claims, for a refusal caught outside the handler that knew it
 * (the dispatcher, the desktop's executor, needs attention): its doctor (a move's own appointment's
 * when it names none) and patient, its start, and the doctor's session length. Null when the
 * input names no time.
 */
export function claimTargetOf(ctx: SlotContext, input: unknown): ClaimTarget | null {
  const given = (input ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  const id = text(given.id);
  // A move names its appointment by id; a refused booking's id names no row (rolled back).
  const moving = id ? findAppointment(ctx.db, id) : null;
  const doctorId = text(given.doctorId) ?? moving?.doctorId ?? null;
  const patientId = text(given.patientId) ?? moving?.patientId ?? null;
  const startsAt = text(given.startsAt) ?? text(given.newStartsAt);
  if (!doctorId || !patientId || !startsAt || Number.isNaN(Date.parse(startsAt))) return null;
  let sessionMinutes: number;
  try {
    sessionMinutes = getDoctor(ctx.db, doctorId).sessionMinutes;
  } catch {
    return null;
  }
  const endsAt = new Date(Date.parse(startsAt) + sessionMinutes * 60_000).toISOString();
  return { doctorId, patientId, startsAt, endsAt, ...(id ? { excludeAppointmentId: id } : {}) };
}
