import type { Slot } from '@shared/contract/clinic.contract';
import { ApiFailure, failure } from '@shared/contract/errors';
import type { Doctor } from '@shared/domain/doctor.schema';
import { beyondHorizon, bookingHorizon } from '@shared/rules/booking-horizon';
import { ACTIVE_STATUSES } from '@shared/rules/conflicts';
import { clinicDate, instantToLocal } from '@shared/rules/zoned-time';
import type { HandlerContext } from '@server/core/handler';
import { requireActor } from '@server/repositories/ownership';
import { daySlots, nextFreeSlots } from '@server/repositories/slots.repository';
import { invalidField } from './appointment-rows';

const GRID_MS = 300_000;
const SUGGESTIONS = 5;

export interface SlotChoice {
  roomId: string | null;
  /** The staff override reason when the time is not an offered slot. */
  override: string | null;
}

export interface SlotRequest {
  doctor: Doctor;
  startsAt: string;
  /** The input field holding the time, named in validation errors. */
  field: string;
  /** The input field holding the doctor, named when the doctor does not work then (a chosen doctor). */
  doctorField?: string | undefined;
  overrideReason?: string | undefined;
}

/** SLOT_TAKEN with the doctor's next free times that the patient is free at too. */
export function slotTaken(ctx: HandlerContext, target: ClaimTarget): ApiFailure {
  const { doctorId, patientId, excludeAppointmentId } = target;
  const from = Date.parse(target.startsAt) > Date.parse(ctx.now) ? target.startsAt : ctx.now;
  const next = nextFreeSlots(ctx, doctorId, from, SUGGESTIONS, {
    patientId,
    ...(excludeAppointmentId ? { excludeAppointmentId } : {}),
  });
  return failure(
    'SLOT_TAKEN',
    next.length > 0
      ? 'That slot was just taken. Please choose one of the next free times.'
      : 'That slot was just taken, and the doctor has no free time in the next two weeks.',
    { nextSlots: next.map((s) => ({ start: s.start, end: s.end })) },
  );
}

/** DOCTOR_NOT_AVAILABLE, naming the input field that chose the doctor (if the caller chose one). */
export function doctorNotAvailable(why: string, field?: string): ApiFailure {
  return failure(
    'DOCTOR_NOT_AVAILABLE',
    `Doctor not available: ${why}.`,
    field ? { fields: [{ field, message: `${why}; choose another doctor or date` }] } : {},
  );
}

const sameStart = (slot: Slot, startMs: number) => Date.parse(slot.start) === startMs;

/**
 * Checks that a requested time is one of the doctor's slot times (SPEC §4) far enough ahead and
 * within the booking horizon, or lets staff override the grid or the horizon with a reason. Whether the time is still free is left to the
 * database claims of the write that follows (claimingTime): they refuse exactly the overlaps the
 * slot engine leaves out (occupied intervals with buffers), so asking first would only repeat them.
 */
export function chooseSlot(ctx: HandlerContext, request: SlotRequest): SlotChoice {
  const { doctor, field } = request;
  const settings = ctx.settings();
  const startMs = Date.parse(request.startsAt);
  const date = clinicDate(startMs, settings.timeZone);
  const [day] = daySlots(ctx, doctor.id, date, date, { gridOnly: true });
  if (!day?.available) {
    throw doctorNotAvailable(`${doctor.fullName} is not working on ${date}`, request.doctorField);
  }
  const nowMs = Date.parse(ctx.now);
  const notice = settings.minBookingNoticeMinutes;
  const horizon = bookingHorizon(nowMs, settings.timeZone, settings.bookingHorizonDays);
  const beyond = beyondHorizon(horizon, date);
  const onGrid = day.slots.find((s) => sameStart(s, startMs));
  if (onGrid && !beyond && startMs >= nowMs + notice * 60_000) {
    return { roomId: onGrid.roomId, override: null };
  }

  const staff = requireActor(ctx).role !== 'patient';
  if (request.overrideReason && staff) {
    if (startMs % GRID_MS !== 0) throw invalidField(field, 'must be on a 5-minute mark (e.g. 10:05)');
    const within = day.slots.find((s) => Date.parse(s.start) <= startMs && startMs < Date.parse(s.end));
    return { roomId: within?.roomId ?? null, override: request.overrideReason.trim() };
  }
  if (startMs < nowMs) throw invalidField(field, 'is in the past');
  if (beyond) {
    const staffMay = staff ? '; staff may still book it by giving an override reason' : '';
    throw invalidField(
      field,
      `${date} is beyond the booking horizon: bookings open ${horizon.days} days ahead, up to ` +
        `${horizon.lastDate} (setting bookingHorizonDays)${staffMay}`,
    );
  }
  if (!onGrid) {
    const time = instantToLocal(startMs, settings.timeZone).time;
    throw invalidField(field, `${time} on ${date} is not one of ${doctor.fullName}’s slot times`);
  }
  throw failure('POLICY', `Bookings need at least ${notice} minutes’ notice; please choose a later time.`);
}

export interface ClaimTarget {
  doctorId: string;
  patientId: string;
  startsAt: string;
  endsAt: string;
  excludeAppointmentId?: string;
}

function patientOverlap(ctx: HandlerContext, target: ClaimTarget): ApiFailure {
  const startMs = Date.parse(target.startsAt);
  const endMs = Date.parse(target.endsAt);
  const clash = ctx.db.first(
    ctx.db.q
      .selectFrom('appointments')
      .innerJoin('doctors', 'doctors.id', 'appointments.doctorId')
      .select(['appointments.startMs', 'appointments.number', 'doctors.fullName'])
      .where('appointments.patientId', '=', target.patientId)
      .where('appointments.id', '!=', target.excludeAppointmentId ?? '')
      .where('appointments.status', 'in', ACTIVE_STATUSES)
      .where('appointments.slotless', '=', 0)
      .where('appointments.startMs', '<', endMs)
      .where('appointments.endMs', '>', startMs),
  );
  const detail = clash
    ? ` (${clash.number ?? 'another booking'} with ${clash.fullName} at ` +
      `${instantToLocal(clash.startMs, ctx.settings().timeZone).time})`
    : '';
  return failure('PATIENT_OVERLAP', `The patient already has an appointment at that time${detail}.`);
}

/**
 * Runs a write that claims time; turns the database's overlap refusal into SLOT_TAKEN with the
 * next free slots, or PATIENT_OVERLAP naming the clash (the failed statement leaves nothing behind).
 */
export function claimingTime<T>(ctx: HandlerContext, target: ClaimTarget, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (error instanceof ApiFailure) throw error;
    const message = error instanceof Error ? error.message : '';
    if (message.includes('doctor_claims')) {
      throw slotTaken(ctx, target);
    }
    if (message.includes('patient_claims')) {
      throw patientOverlap(ctx, target);
    }
    throw error;
  }
}
