import { failure } from '@shared/contract/errors';
import type { Appointment, RescheduleRecord } from '@shared/domain/appointment.schema';
import { isFinal } from '@shared/rules/lifecycle';
import { appointmentRow } from '@server/db/appointment-row';
import { claimingTime } from '@server/core/db-refusals';
import type { HandlerContext } from '@server/core/handler';
import { getAppointment, getDoctor } from '@server/repositories/lookups.repository';
import { requireActor } from '@server/repositories/ownership';
import { effectiveBuffers } from '@server/repositories/slots.repository';
import { invalidField } from './appointment-rows';
import { chooseSlot, doctorNotAvailable } from './slot-check';

export interface Move {
  newStartsAt: string;
  doctorId?: string | undefined;
  reason: string;
  overrideReason?: string | undefined;
  /** The input field holding the new time, named in validation errors. */
  field: string;
}

/**
 * Moves an appointment atomically (docs/product.md §6): one UPDATE releases the old claims and takes the new
 * ones (trigger), and the move is recorded with old and new times, who, why and from where.
 */
export function moveAppointment(ctx: HandlerContext, appointment: Appointment, move: Move): Appointment {
  const actor = requireActor(ctx);
  if (isFinal(appointment.status)) {
    throw failure(
      'INVALID_TRANSITION',
      `This appointment is ${appointment.status.toLowerCase().replace('_', '-')}; it cannot be moved.`,
    );
  }
  const doctor = getDoctor(ctx.db, move.doctorId ?? appointment.doctorId);
  // Another doctor is chosen as in a booking (docs/product.md §4): active, working then, not on leave, free.
  const doctorField = doctor.id === appointment.doctorId ? undefined : 'doctorId';
  // The callers check the booking is the actor's own; a doctor hands it only to a colleague of the
  // same specialization (their leave, where the patient agrees: issue 16).
  if (doctorField && actor.role === 'doctor') {
    const own = getDoctor(ctx.db, appointment.doctorId);
    if (own.specialization !== doctor.specialization) {
      const message = `a doctor may hand a booking only to a colleague of the same specialization (${own.specialization})`;
      throw failure('FORBIDDEN', `Not allowed: ${message}.`, { fields: [{ field: 'doctorId', message }] });
    }
  }
  if (!doctor.active) {
    throw doctorNotAvailable(`${doctor.fullName} is not taking appointments`, doctorField);
  }
  const startMs = Date.parse(move.newStartsAt);
  if (doctor.id === appointment.doctorId && startMs === Date.parse(appointment.startsAt)) {
    throw invalidField(move.field, 'is the appointment’s current time; choose a different time');
  }
  const choice = chooseSlot(ctx, {
    doctor,
    startsAt: move.newStartsAt,
    field: move.field,
    doctorField,
    overrideReason: move.overrideReason,
  });

  const endMs = startMs + doctor.sessionMinutes * 60_000;
  const startsAt = new Date(startMs).toISOString();
  const endsAt = new Date(endMs).toISOString();
  const buffers = effectiveBuffers(ctx, doctor);
  const target = {
    doctorId: doctor.id,
    patientId: appointment.patientId,
    startsAt,
    endsAt,
    excludeAppointmentId: appointment.id,
  };
  const moved: Appointment = {
    ...appointment,
    doctorId: doctor.id,
    roomId: choice.roomId,
    startsAt,
    endsAt,
    bufferBeforeMinutes: buffers.before,
    bufferAfterMinutes: buffers.after,
    overrideReason: choice.override,
    updatedAt: ctx.now,
  };
  const row = appointmentRow(moved, { timeZone: ctx.settings().timeZone, slotless: false });
  // The whole row but `slotless`: a queued walk-in that is moved still claims no time.
  const { id: _id, slotless: _kept, ...columns } = row;
  claimingTime(ctx, target, () =>
    ctx.db.run(ctx.db.q.updateTable('appointments').set(columns).where('id', '=', appointment.id)),
  );

  const previousDoctor = doctorField ? getDoctor(ctx.db, appointment.doctorId) : doctor;
  const record: RescheduleRecord = {
    id: ctx.newId(),
    appointmentId: appointment.id,
    oldStartsAt: appointment.startsAt,
    oldEndsAt: appointment.endsAt,
    oldDoctorId: appointment.doctorId,
    newStartsAt: startsAt,
    newEndsAt: endsAt,
    newDoctorId: doctor.id,
    changedBy: actor.userId,
    reason: move.reason.trim(),
    at: ctx.now,
    deviceId: actor.deviceId,
  };
  ctx.db.run(ctx.db.q.insertInto('reschedule_records').values(record));
  ctx.changed('appointments', appointment.id);
  ctx.changed('reschedule_records', record.id);
  ctx.audit({
    kind: 'change',
    action: 'appointments.reschedule',
    entity: 'appointments',
    entityId: appointment.id,
    patientId: appointment.patientId,
    details: {
      from: { startsAt: appointment.startsAt, doctorId: appointment.doctorId },
      to: { startsAt, doctorId: doctor.id },
      ...(doctorField ? { doctorChanged: { from: previousDoctor.fullName, to: doctor.fullName } } : {}),
      reason: record.reason,
      override: choice.override,
    },
  });
  return getAppointment(ctx.db, appointment.id);
}
