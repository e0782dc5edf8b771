import type { OperationName } from '@shared/contract/index';
import type { Appointment, AppointmentStatus, StatusTransition } from '@shared/domain/appointment.schema';
import { sql } from 'kysely';
import type { HandlerContext } from '@server/core/handler';
import { getAppointment } from './lookups.repository';
import { requireActor } from './ownership';

/**
 * Moves an appointment to a new status and records the transition (from, to, who, when, why,
 * device — docs/product.md §5). Claims follow by trigger: leaving an active status frees the time.
 * `operation`: the contract operation doing it, the audit entry's action.
 */
export function changeStatus(
  ctx: HandlerContext,
  operation: OperationName,
  appointment: Appointment,
  to: AppointmentStatus,
  reason: string | null,
  undoOf: string | null = null,
): Appointment {
  const actor = requireActor(ctx);
  ctx.db.run(
    ctx.db.q
      .updateTable('appointments')
      .set({ status: to, updatedAt: ctx.now })
      .where('id', '=', appointment.id),
  );
  const transition: StatusTransition = {
    id: ctx.newId(),
    appointmentId: appointment.id,
    from: appointment.status,
    to,
    actorUserId: actor.userId,
    actorRole: actor.role,
    deviceId: actor.deviceId,
    at: ctx.now,
    reason: reason && reason.trim() ? reason.trim() : null,
    undoOf,
  };
  ctx.db.run(ctx.db.q.insertInto('status_transitions').values(transition));
  ctx.changed('appointments', appointment.id);
  ctx.changed('status_transitions', transition.id);
  ctx.audit({
    kind: 'change',
    action: operation,
    entity: 'appointments',
    entityId: appointment.id,
    patientId: appointment.patientId,
    details: { from: appointment.status, to, reason: transition.reason, undoOf },
  });
  return getAppointment(ctx.db, appointment.id);
}

export function latestTransition(ctx: HandlerContext, appointmentId: string): StatusTransition | undefined {
  return ctx.db.first(
    ctx.db.q
      .selectFrom('status_transitions')
      .selectAll()
      .where('appointmentId', '=', appointmentId)
      .orderBy(sql`rowid`, 'desc')
      .limit(1),
  ) as StatusTransition | undefined;
}
