import { ApiFailure, failure } from '@shared/contract/errors';
import { notFound } from '@shared/contract/not-found';
import type { Appointment, RescheduleRequest } from '@shared/domain/appointment.schema';
import { insideCancellationWindow } from '@shared/rules/lifecycle';
import { type HandlerContext, type HandlerMap, handler } from '@server/core/handler';
import { changeStatus } from '@server/repositories/appointment-status.repository';
import { getAppointment } from '@server/repositories/lookups.repository';
import { assertOwn, requireActor } from '@server/repositories/ownership';
import { invalidField } from './appointment-rows';
import { moveAppointment } from './move-appointment';

function getRequest(ctx: HandlerContext, id: string): RescheduleRequest {
  const row = ctx.db.first(ctx.db.q.selectFrom('reschedule_requests').selectAll().where('id', '=', id));
  if (!row) throw notFound('rescheduleRequest');
  return row as RescheduleRequest;
}

/** A patient moving their own appointment: only where policy allows, and not too close to the start. */
function assertPatientMayMove(ctx: HandlerContext, appointment: Appointment): void {
  const settings = ctx.settings();
  const ask = 'please send a reschedule request and the clinic will confirm a new time.';
  if (!settings.patientDirectReschedule) {
    throw failure('POLICY', `Appointments cannot be moved online directly; ${ask}`);
  }
  if (!['REQUESTED', 'CONFIRMED'].includes(appointment.status)) {
    throw failure(
      'INVALID_TRANSITION',
      'This appointment can no longer be moved online; please ask the front desk.',
    );
  }
  if (!insideCancellationWindow(appointment.startsAt, ctx.now, settings.cancellationWindowMinutes)) {
    throw failure('POLICY', `It is too close to the appointment to move it online; ${ask}`);
  }
}

const PATIENT_MOVE_REASON = 'Moved by the patient; waiting for the clinic’s confirmation';

export const rescheduleHandlers: HandlerMap = {
  'appointments.reschedule': handler('appointments.reschedule', {
    run: (input, ctx) => {
      const actor = requireActor(ctx);
      const appointment = getAppointment(ctx.db, input.id);
      assertOwn(ctx, 'appointments', appointment, 'appointment');
      if (actor.role === 'patient') assertPatientMayMove(ctx, appointment);
      const moved = moveAppointment(ctx, appointment, {
        newStartsAt: input.newStartsAt,
        doctorId: input.doctorId,
        reason: input.reason,
        overrideReason: actor.role === 'patient' ? undefined : input.overrideReason,
        field: 'newStartsAt',
      });
      // docs/product.md §4 (confirmation policy): where the clinic confirms bookings, a time the
      // patient chose waits for its confirmation too. A REQUESTED one simply stays REQUESTED.
      if (
        actor.role === 'patient' &&
        ctx.settings().bookingNeedsConfirmation &&
        moved.status === 'CONFIRMED'
      ) {
        return changeStatus(ctx, 'appointments.reschedule', moved, 'REQUESTED', PATIENT_MOVE_REASON);
      }
      return moved;
    },
  }),

  'appointments.requestReschedule': handler('appointments.requestReschedule', {
    run: (input, ctx) => {
      const appointment = getAppointment(ctx.db, input.id);
      assertOwn(ctx, 'appointments', appointment, 'appointment');
      if (!['REQUESTED', 'CONFIRMED'].includes(appointment.status)) {
        throw failure(
          'INVALID_TRANSITION',
          'Only upcoming appointments can be moved; please ask the front desk.',
        );
      }
      if (
        ctx.db.first(
          ctx.db.q.selectFrom('reschedule_requests').select('id').where('id', '=', input.requestId),
        )
      ) {
        throw failure('CONFLICT', 'This reschedule request was already sent.');
      }
      const pending = ctx.db.first(
        ctx.db.q
          .selectFrom('reschedule_requests')
          .select('id')
          .where('appointmentId', '=', appointment.id)
          .where('status', '=', 'PENDING'),
      );
      if (pending) {
        throw failure(
          'CONFLICT',
          'A reschedule request for this appointment is already waiting for the clinic.',
        );
      }
      const request: RescheduleRequest = {
        id: input.requestId,
        appointmentId: appointment.id,
        preferredDate: input.preferredDate,
        preferredStartsAt: input.preferredStartsAt,
        note: input.note,
        status: 'PENDING',
        createdAt: ctx.now,
        decidedBy: null,
        decidedAt: null,
        decisionReason: null,
      };
      ctx.db.run(ctx.db.q.insertInto('reschedule_requests').values(request));
      ctx.changed('reschedule_requests', request.id);
      ctx.audit({
        kind: 'change',
        action: 'appointments.requestReschedule',
        entity: 'reschedule_requests',
        entityId: request.id,
        patientId: appointment.patientId,
        details: { appointmentId: appointment.id, preferredDate: request.preferredDate },
      });
      return request;
    },
  }),

  'appointments.decideReschedule': handler('appointments.decideReschedule', {
    run: (input, ctx) => {
      const actor = requireActor(ctx);
      const request = getRequest(ctx, input.requestId);
      const appointment = getAppointment(ctx.db, request.appointmentId);
      assertOwn(ctx, 'appointments', appointment, 'rescheduleRequest');
      if (request.status !== 'PENDING') {
        throw failure('INVALID_TRANSITION', `This request was already ${request.status.toLowerCase()}.`);
      }
      const reason = input.reason.trim();
      if (input.approve) {
        if (!input.newStartsAt)
          throw invalidField('newStartsAt', 'choose the new time to approve the request');
        moveAppointment(ctx, appointment, {
          newStartsAt: input.newStartsAt,
          reason: reason || 'Reschedule requested by the patient',
          field: 'newStartsAt',
        });
      } else if (reason.length < 3) {
        throw invalidField('reason', 'give a reason (at least 3 characters) so the patient knows why');
      }
      const decided: RescheduleRequest = {
        ...request,
        status: input.approve ? 'APPROVED' : 'REJECTED',
        decidedBy: actor.userId,
        decidedAt: ctx.now,
        decisionReason: reason || null,
      };
      ctx.db.run(
        ctx.db.q
          .updateTable('reschedule_requests')
          .set({
            status: decided.status,
            decidedBy: decided.decidedBy,
            decidedAt: decided.decidedAt,
            decisionReason: decided.decisionReason,
          })
          .where('id', '=', request.id),
      );
      ctx.changed('reschedule_requests', request.id);
      ctx.audit({
        kind: 'change',
        action: 'appointments.decideReschedule',
        entity: 'reschedule_requests',
        entityId: request.id,
        patientId: appointment.patientId,
        details: { appointmentId: appointment.id, approved: input.approve, reason: decided.decisionReason },
      });
      return decided;
    },
  }),

  'schedules.bulkReschedule': handler('schedules.bulkReschedule', {
    run: (input, ctx) => {
      const moved: Appointment[] = [];
      const failed: { appointmentId: string; message: string }[] = [];
      for (const move of input.moves) {
        try {
          // A savepoint per move: one refused move leaves the others in place.
          const appointment = ctx.db.transaction(() => {
            const current = getAppointment(ctx.db, move.appointmentId);
            assertOwn(ctx, 'appointments', current, 'appointment');
            return moveAppointment(ctx, current, {
              newStartsAt: move.newStartsAt,
              doctorId: move.doctorId,
              reason: input.reason,
              field: 'newStartsAt',
            });
          });
          moved.push(appointment);
        } catch (error) {
          if (!(error instanceof ApiFailure)) throw error;
          failed.push({ appointmentId: move.appointmentId, message: error.message });
        }
      }
      return { moved, failed };
    },
  }),
};
