import type { ParsedInputOf } from '@shared/contract/index';
import type { Appointment, StatusTransition } from '@shared/domain/appointment.schema';
import type { Doctor } from '@shared/domain/doctor.schema';
import type { Patient } from '@shared/domain/patient.schema';
import { failure } from '@shared/contract/errors';
import { clinicDate } from '@shared/rules/zoned-time';
import { appointmentRow } from '@server/db/appointment-row';
import { claimingTime } from '@server/core/db-refusals';
import type { HandlerContext } from '@server/core/handler';
import { registerPatient } from '@server/handlers/patients/register-patient';
import { getPatient } from '@server/repositories/lookups.repository';
import { requireActor } from '@server/repositories/ownership';
import { effectiveBuffers, nextFreeSlots } from '@server/repositories/slots.repository';
import { workingTimeOn } from '@server/repositories/working-time.repository';

type WalkIn = ParsedInputOf<'queue.walkIn'>;
const MINUTE_MS = 60_000;
const GRID_MS = 5 * MINUTE_MS;

/** The walk-in's patient: the one given, or a new registration (as the registration desk does it). */
export function walkInPatient(ctx: HandlerContext, input: WalkIn): Patient {
  if (input.patientId) return getPatient(ctx.db, input.patientId);
  const { id, details } = input.newPatient!;
  // The desk registers a walk-in in a hurry: a possible duplicate is kept in the audit, not refused.
  return registerPatient(
    ctx,
    { id, details, acknowledgeDuplicates: true, provisionalCode: null },
    { via: 'walk_in' },
  );
}

/**
 * A queued walk-in's time (it claims none): inside the doctor's working time today, from the next
 * 5 minutes, or the start of the next window (before hours, in a break); with no working time left
 * today, the arrival time (rounded down to the 5-minute grid times are stored on), never a
 * made-up later time outside the hours.
 */
function queuedTime(ctx: HandlerContext, doctor: Doctor, today: string, zone: string): number {
  const now = Date.parse(ctx.now);
  const next = Math.ceil(now / GRID_MS) * GRID_MS;
  for (const piece of workingTimeOn(ctx.db, doctor.id, today, zone).sort((a, b) => a.start - b.start)) {
    if (piece.end <= now) continue;
    if (piece.start > now) return piece.start;
    return next < piece.end ? next : now - (now % GRID_MS);
  }
  return now - (now % GRID_MS);
}

/** When the walk-in is seen: the next free slot today, or (queued) no time of its own. */
function walkInTime(ctx: HandlerContext, doctor: Doctor, placement: WalkIn['placement']) {
  const zone = ctx.settings().timeZone;
  const today = clinicDate(ctx.now, zone);
  if (placement === 'next_free_slot') {
    const slot = nextFreeSlots(ctx, doctor.id, ctx.now, 1)[0];
    if (!slot || clinicDate(slot.start, zone) !== today) {
      throw failure('POLICY', 'No free slot left today; queue the patient instead.');
    }
    return { start: Date.parse(slot.start), end: Date.parse(slot.end), roomId: slot.roomId, slotless: false };
  }
  const start = queuedTime(ctx, doctor, today, zone);
  return { start, end: start + doctor.sessionMinutes * MINUTE_MS, roomId: null, slotless: true };
}

/** Creates the walk-in's CONFIRMED appointment (the caller checks it in at once). */
export function createWalkInAppointment(
  ctx: HandlerContext,
  input: WalkIn,
  doctor: Doctor,
  patient: Patient,
): Appointment {
  if (ctx.db.first(ctx.db.q.selectFrom('appointments').select('id').where('id', '=', input.appointmentId))) {
    throw failure('CONFLICT', 'This walk-in has already been saved.');
  }
  const zone = ctx.settings().timeZone;
  const time = walkInTime(ctx, doctor, input.placement);
  const buffers = effectiveBuffers(ctx, doctor);
  const seenBefore = ctx.db.first(
    ctx.db.q
      .selectFrom('appointments')
      .select('id')
      .where('patientId', '=', patient.id)
      .where('doctorId', '=', doctor.id)
      .where('status', '=', 'COMPLETED'),
  );
  const year = clinicDate(ctx.now, zone).slice(0, 4);
  const appointment: Appointment = {
    id: input.appointmentId,
    number: `A-${year}-${String(ctx.hub.nextCounter(`appointment:${year}`)).padStart(6, '0')}`,
    patientId: patient.id,
    doctorId: doctor.id,
    roomId: time.roomId,
    startsAt: new Date(time.start).toISOString(),
    endsAt: new Date(time.end).toISOString(),
    bufferBeforeMinutes: buffers.before,
    bufferAfterMinutes: buffers.after,
    type: seenBefore ? 'FOLLOW_UP' : 'NEW_VISIT',
    mode: 'IN_PERSON',
    status: 'CONFIRMED',
    meetingLink: null,
    bookedVia: 'walk_in',
    provisional: false,
    overrideReason: null,
    note: '',
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  const { startsAt, endsAt } = appointment;
  claimingTime(ctx, { doctorId: doctor.id, patientId: patient.id, startsAt, endsAt }, () =>
    ctx.db.run(
      ctx.db.q
        .insertInto('appointments')
        .values(appointmentRow(appointment, { timeZone: zone, slotless: time.slotless })),
    ),
  );
  const actor = requireActor(ctx);
  const transition: StatusTransition = {
    id: ctx.newId(),
    appointmentId: appointment.id,
    from: null,
    to: 'CONFIRMED',
    actorUserId: actor.userId,
    actorRole: actor.role,
    deviceId: actor.deviceId,
    at: ctx.now,
    reason: null,
    undoOf: null,
  };
  ctx.db.run(ctx.db.q.insertInto('status_transitions').values(transition));
  ctx.changed('appointments', appointment.id);
  ctx.changed('status_transitions', transition.id);
  ctx.audit({
    kind: 'change',
    action: 'queue.walkIn',
    entity: 'appointments',
    entityId: appointment.id,
    patientId: patient.id,
    details: { number: appointment.number, placement: input.placement, startsAt: appointment.startsAt },
  });
  return appointment;
}
