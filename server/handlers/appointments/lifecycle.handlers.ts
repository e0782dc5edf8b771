import { failure } from '@shared/contract/errors';
import { notFound } from '@shared/contract/not-found';
import type { Appointment } from '@shared/domain/appointment.schema';
import {
  checkTransition,
  checkUndo,
  type LifecycleAction,
  type TransitionCheck,
} from '@shared/rules/lifecycle';
import { claimingTime } from '@server/core/db-refusals';
import { type HandlerContext, type HandlerMap, handler } from '@server/core/handler';
import { withdrawQueueEntry } from '@server/handlers/queue/queue-finish';
import { getAppointment } from '@server/repositories/lookups.repository';
import { changeStatus, latestTransition } from '@server/repositories/appointment-status.repository';
import { assertOwn, requireActor } from '@server/repositories/ownership';

import { doctorWorkOn } from './doctor-work';

function refused(check: Extract<TransitionCheck, { ok: false }>, field = 'reason') {
  return failure(
    check.code,
    check.message,
    check.code === 'VALIDATION' ? { fields: [{ field, message: check.message }] } : {},
  );
}

/** A lifecycle action (docs/product.md §5) on an appointment the actor may reach. */
function transition(
  ctx: HandlerContext,
  action: Extract<LifecycleAction, 'confirm' | 'decline' | 'cancel' | 'markNoShow'>,
  id: string,
  reason: string,
): Appointment {
  const actor = requireActor(ctx);
  const appointment = getAppointment(ctx.db, id);
  assertOwn(ctx, 'appointments', appointment, 'appointment');
  const settings = ctx.settings();
  const check = checkTransition({
    action,
    status: appointment.status,
    startsAt: appointment.startsAt,
    role: actor.role,
    now: ctx.now,
    zone: settings.timeZone,
    cancellationWindowMinutes: settings.cancellationWindowMinutes,
    reason,
    doctorWork: appointment.status === 'CHECKED_IN' ? doctorWorkOn(ctx.db, appointment.id) : null,
  });
  if (!check.ok) throw refused(check);
  return changeStatus(ctx, `appointments.${action}`, appointment, check.to, reason);
}

export const lifecycleHandlers: HandlerMap = {
  'appointments.confirm': handler('appointments.confirm', {
    run: (input, ctx) => transition(ctx, 'confirm', input.id, ''),
  }),
  'appointments.decline': handler('appointments.decline', {
    run: (input, ctx) => transition(ctx, 'decline', input.id, input.reason),
  }),
  'appointments.cancel': handler('appointments.cancel', {
    run: (input, ctx) => transition(ctx, 'cancel', input.id, input.reason),
  }),
  'appointments.markNoShow': handler('appointments.markNoShow', {
    run: (input, ctx) => transition(ctx, 'markNoShow', input.id, input.reason),
  }),
  'appointments.undoTransition': handler('appointments.undoTransition', {
    run: (input, ctx) => {
      const actor = requireActor(ctx);
      const target = ctx.db.first(
        ctx.db.q.selectFrom('status_transitions').selectAll().where('id', '=', input.transitionId),
      );
      if (!target) throw notFound('statusChange');
      const appointment = getAppointment(ctx.db, target.appointmentId);
      assertOwn(ctx, 'appointments', appointment, 'statusChange');
      const latest = latestTransition(ctx, appointment.id);
      if (latest?.id !== target.id) {
        throw failure('INVALID_TRANSITION', 'Only the latest status change of an appointment can be undone.');
      }
      const check = checkUndo({
        transition: latest,
        currentStatus: appointment.status,
        role: actor.role,
        now: ctx.now,
        zone: ctx.settings().timeZone,
        doctorWork: latest.to === 'CHECKED_IN' ? doctorWorkOn(ctx.db, appointment.id) : null,
      });
      if (!check.ok) throw refused(check);
      // Restoring an active status claims the time again; someone may have booked it meanwhile.
      const restored = claimingTime(ctx, appointment, () =>
        changeStatus(ctx, 'appointments.undoTransition', appointment, check.to, input.reason, latest.id),
      );
      if (latest.to === 'CHECKED_IN') withdrawQueueEntry(ctx, appointment.id);
      return restored;
    },
  }),
};
