import type { Slot } from '@shared/contract/clinic.contract';
import { type ApiFailure, failure } from '@shared/contract/errors';
import type { Doctor } from '@shared/domain/doctor.schema';
import { beyondHorizon, bookingHorizon } from '@shared/rules/booking-horizon';
import { clinicDate, instantToLocal } from '@shared/rules/zoned-time';
import type { HandlerContext } from '@server/core/handler';
import { requireActor } from '@server/repositories/ownership';
import { daySlots } from '@server/repositories/slots.repository';
import { invalidField } from './appointment-rows';

const GRID_MS = 300_000;

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
 * Checks that a requested time is one of the doctor's slot times (docs/product.md §4) far enough ahead and
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
