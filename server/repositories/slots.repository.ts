import type { z } from 'zod';
import type { daySlotsSchema, Slot } from '@shared/contract/clinic.contract';
import type { Doctor } from '@shared/domain/doctor.schema';
import type { Buffers, TimeWindow } from '@shared/domain/schedule.schema';
import { beyondHorizon, bookingHorizon, horizonMessage } from '@shared/rules/booking-horizon';
import { ACTIVE_STATUSES } from '@shared/rules/conflicts';
import { availableSlotsForRange, type BusyAppointment } from '@shared/rules/slots';
import type { ExceptionLike } from '@shared/rules/working-day';
import { addDays, clinicDate } from '@shared/rules/zoned-time';
import type { HandlerContext } from '@server/core/handler';
import { getDoctor } from './lookups.repository';

const HOUR_MS = 3_600_000;
/** How far ahead nextFreeSlots looks. */
const NEXT_FREE_DAYS = 14;
/**
 * Appointments are fetched by start time (the doctor/start index) around the range's UTC dates: a
 * clinic day may begin up to 14 h before its UTC date (zone offset) and an earlier appointment may
 * reach into it by its session and buffer after (≤ 4 h + 2 h); it may end up to 12 h after its UTC
 * date plus one day, and a later appointment reaches back by its buffer before (≤ 2 h).
 */
const FETCH_BEFORE_MS = 20 * HOUR_MS;
const FETCH_AFTER_MS = 38 * HOUR_MS;

export type DaySlots = z.infer<typeof daySlotsSchema>;

/** What the slot engine reads of a call: also enough outside a handler (a refusal's next free times). */
export type SlotContext = Pick<HandlerContext, 'db' | 'settings' | 'now'>;

export interface DaySlotsOptions {
  /** Leave this appointment's own time out of the busy intervals (moving it). */
  excludeAppointmentId?: string;
  /** The bare grid: no existing appointments, no past/notice cut-off, no booking horizon. */
  gridOnly?: boolean;
}

export interface NextFreeOptions extends Pick<DaySlotsOptions, 'excludeAppointmentId'> {
  /** Leave out the times this patient already has another active appointment at. */
  patientId?: string;
}

/** The buffers that apply to a doctor's new bookings (docs/product.md §3): the doctor's override or the clinic's. */
export function effectiveBuffers(ctx: SlotContext, doctor: Doctor): Buffers {
  return doctor.bufferOverride ?? ctx.settings().defaultBuffers;
}

function busyAppointments(
  ctx: SlotContext,
  doctorId: string,
  fromDate: string,
  toDate: string,
  excludeId: string | undefined,
): BusyAppointment[] {
  let query = ctx.db.q
    .selectFrom('appointments')
    .select([
      'startMs as start',
      'endMs as end',
      'bufferBeforeMinutes as bufferBefore',
      'bufferAfterMinutes as bufferAfter',
    ])
    .where('doctorId', '=', doctorId)
    .where('startMs', '>=', Date.parse(fromDate) - FETCH_BEFORE_MS)
    .where('startMs', '<', Date.parse(toDate) + FETCH_AFTER_MS)
    .where('status', 'in', ACTIVE_STATUSES)
    .where('slotless', '=', 0);
  if (excludeId) query = query.where('id', '!=', excludeId);
  return ctx.db.all(query);
}

/**
 * Free slots of a doctor for each clinic date from fromDate to toDate (docs/product.md §4): weekly windows,
 * exceptions, the doctor's active appointments with their recorded buffers, past times, notice,
 * and the booking horizon (dates beyond it are unavailable, with a message saying why).
 */
export function daySlots(
  ctx: SlotContext,
  doctorId: string,
  fromDate: string,
  toDate: string,
  options: DaySlotsOptions = {},
): DaySlots[] {
  const doctor = getDoctor(ctx.db, doctorId);
  const settings = ctx.settings();
  const weeklyWindows = ctx.db.all(
    ctx.db.q
      .selectFrom('weekly_windows')
      .select(['weekday', 'start', 'end', 'roomId'])
      .where('doctorId', '=', doctorId),
  );
  const exceptions: ExceptionLike[] = ctx.db
    .all(
      ctx.db.q
        .selectFrom('schedule_exceptions')
        .select(['date', 'kind', 'window'])
        .where('doctorId', '=', doctorId)
        .where('date', '>=', fromDate)
        .where('date', '<=', toDate),
    )
    .map((e) => ({ ...e, window: e.window === null ? null : (JSON.parse(e.window) as TimeWindow) }));
  const busy = options.gridOnly
    ? []
    : busyAppointments(ctx, doctorId, fromDate, toDate, options.excludeAppointmentId);

  const days = availableSlotsForRange({
    zone: settings.timeZone,
    sessionMinutes: doctor.sessionMinutes,
    buffers: effectiveBuffers(ctx, doctor),
    weeklyWindows,
    exceptions,
    busy,
    now: options.gridOnly ? 0 : ctx.now,
    minNoticeMinutes: options.gridOnly ? 0 : settings.minBookingNoticeMinutes,
    fromDate,
    toDate,
  });
  const horizon = options.gridOnly
    ? null
    : bookingHorizon(ctx.now, settings.timeZone, settings.bookingHorizonDays);
  return days.map((day) => {
    if (horizon && beyondHorizon(horizon, day.date)) {
      return { doctorId, date: day.date, available: false, message: horizonMessage(horizon), slots: [] };
    }
    return day.available
      ? { doctorId, date: day.date, available: true, message: null, slots: day.slots }
      : { doctorId, date: day.date, available: false, message: day.message, slots: [] };
  });
}

/** The patient's other active visits from `fromMs` on (the times a patient claim holds). */
function patientVisits(
  ctx: SlotContext,
  options: NextFreeOptions,
  fromMs: number,
): { startMs: number; endMs: number }[] {
  if (!options.patientId) return [];
  return ctx.db.all(
    ctx.db.q
      .selectFrom('appointments')
      .select(['startMs', 'endMs'])
      .where('patientId', '=', options.patientId)
      .where('id', '!=', options.excludeAppointmentId ?? '')
      .where('status', 'in', ACTIVE_STATUSES)
      .where('slotless', '=', 0)
      .where('endMs', '>', fromMs),
  );
}

/**
 * The doctor's next free slots starting at or after `fromInstant`, looking up to 14 days ahead
 * (and not beyond the booking horizon); with a patient, only times that patient is free.
 */
export function nextFreeSlots(
  ctx: SlotContext,
  doctorId: string,
  fromInstant: string,
  limit: number,
  options: NextFreeOptions = {},
): Slot[] {
  const from = Date.parse(fromInstant);
  const fromDate = clinicDate(from, ctx.settings().timeZone);
  const visits = patientVisits(ctx, options, from);
  const patientBusy = (slot: Slot) =>
    visits.some((v) => v.startMs < Date.parse(slot.end) && v.endMs > Date.parse(slot.start));
  const dayOptions = options.excludeAppointmentId
    ? { excludeAppointmentId: options.excludeAppointmentId }
    : {};
  const found: Slot[] = [];
  for (const day of daySlots(ctx, doctorId, fromDate, addDays(fromDate, NEXT_FREE_DAYS), dayOptions)) {
    for (const slot of day.slots) {
      if (Date.parse(slot.start) < from || patientBusy(slot)) continue;
      found.push(slot);
      if (found.length >= limit) return found;
    }
  }
  return found;
}
