import { failure } from '@shared/contract/errors';
import type { ParsedInputOf } from '@shared/contract/index';
import type { Appointment, StatusTransition } from '@shared/domain/appointment.schema';
import { clinicDate } from '@shared/rules/zoned-time';
import { appointmentRow } from '@server/db/appointment-row';
import { claimingTime } from '@server/core/db-refusals';
import { type HandlerContext, type HandlerMap, handler } from '@server/core/handler';
import {
  findAppointment,
  getDoctor,
  getPatient,
  getAppointment,
} from '@server/repositories/lookups.repository';
import { assertOwn, requireActor } from '@server/repositories/ownership';
import { daySlots, effectiveBuffers, nextFreeSlots } from '@server/repositories/slots.repository';

import { chooseSlot } from './slot-check';

const MINUTE_MS = 60_000;

function appointmentNumber(ctx: HandlerContext): string {
  const year = clinicDate(ctx.now, ctx.settings().timeZone).slice(0, 4);
  const sequence = ctx.hub.nextCounter(`appointment:${year}`);
  return `A-${year}-${String(sequence).padStart(6, '0')}`;
}

function book(input: ParsedInputOf<'appointments.book'>, ctx: HandlerContext): Appointment {
  const actor = requireActor(ctx);
  assertOwn(ctx, 'patients', { id: input.patientId }, 'patient');
  const patient = getPatient(ctx.db, input.patientId);
  const doctor = getDoctor(ctx.db, input.doctorId);
  if (!doctor.active) {
    throw failure(
      'DOCTOR_NOT_AVAILABLE',
      `Doctor not available: ${doctor.fullName} is not taking appointments.`,
    );
  }
  if (findAppointment(ctx.db, input.id)) {
    throw failure('CONFLICT', 'This booking was already made (the same appointment id exists).');
  }
  const settings = ctx.settings();
  const choice = chooseSlot(ctx, {
    doctor,
    startsAt: input.startsAt,
    field: 'startsAt',
    overrideReason: input.overrideReason,
  });

  const startMs = Date.parse(input.startsAt);
  const endMs = startMs + doctor.sessionMinutes * MINUTE_MS;
  const startsAt = new Date(startMs).toISOString();
  const endsAt = new Date(endMs).toISOString();
  const buffers = effectiveBuffers(ctx, doctor);
  const status = settings.bookingNeedsConfirmation ? 'REQUESTED' : 'CONFIRMED';
  const number = appointmentNumber(ctx);
  const appointment: Appointment = {
    id: input.id,
    number,
    patientId: patient.id,
    doctorId: doctor.id,
    roomId: choice.roomId,
    startsAt,
    endsAt,
    bufferBeforeMinutes: buffers.before,
    bufferAfterMinutes: buffers.after,
    type: input.type,
    mode: input.mode,
    status,
    meetingLink: input.mode === 'ONLINE' ? `https://meet.clinic.invalid/${input.id}` : null,
    bookedVia: actor.role === 'patient' ? 'patient_app' : 'staff',
    provisional: false,
    overrideReason: choice.override,
    note: input.note,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  const row = appointmentRow(appointment, { timeZone: settings.timeZone, slotless: false });
  claimingTime(ctx, { doctorId: doctor.id, patientId: patient.id, startsAt, endsAt }, () =>
    ctx.db.run(ctx.db.q.insertInto('appointments').values(row)),
  );

  const transition: StatusTransition = {
    id: ctx.newId(),
    appointmentId: input.id,
    from: null,
    to: status,
    actorUserId: actor.userId,
    actorRole: actor.role,
    deviceId: actor.deviceId,
    at: ctx.now,
    reason: choice.override,
    undoOf: null,
  };
  ctx.db.run(ctx.db.q.insertInto('status_transitions').values(transition));
  ctx.changed('appointments', input.id);
  ctx.changed('status_transitions', transition.id);
  ctx.audit({
    kind: 'change',
    action: 'appointments.book',
    entity: 'appointments',
    entityId: input.id,
    patientId: patient.id,
    details: { number, doctorId: doctor.id, startsAt, status, bookedVia: appointment.bookedVia },
  });
  if (choice.override) {
    ctx.audit({
      kind: 'change',
      action: 'appointments.override',
      entity: 'appointments',
      entityId: input.id,
      patientId: patient.id,
      details: { number, doctorId: doctor.id, startsAt, reason: choice.override },
    });
  }
  return getAppointment(ctx.db, input.id);
}

export const bookingHandlers: HandlerMap = {
  'slots.list': handler('slots.list', {
    // The contract requires exactly one of doctorId and doctorIds.
    run: (input, ctx) =>
      [...new Set(input.doctorIds ?? [input.doctorId!])].flatMap((doctorId) =>
        daySlots(ctx, doctorId, input.fromDate, input.toDate),
      ),
  }),
  'slots.nextFree': handler('slots.nextFree', {
    run: (input, ctx) => nextFreeSlots(ctx, input.doctorId, input.from, input.limit),
  }),
  'appointments.book': handler('appointments.book', {
    run: (input, ctx) => ({ appointment: book(input, ctx) }),
  }),
};
