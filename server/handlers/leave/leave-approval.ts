import { ApiFailure, failure } from '@shared/contract/errors';
import type { ParsedInputOf } from '@shared/contract/index';
import type { Appointment } from '@shared/domain/appointment.schema';
import type { LeaveRequest } from '@shared/domain/leave-request.schema';
import type { HandlerContext } from '@server/core/handler';
import { invalidField } from '@server/handlers/appointments/appointment-rows';
import { moveAppointment } from '@server/handlers/appointments/move-appointment';
import { guardCollisions } from '@server/handlers/clinic/schedule-collisions';
import { getAppointment, getDoctor } from '@server/repositories/lookups.repository';
import { leaveOfRequest } from './leave-collisions';

/**
 * Approving a leave request (its caller's transaction makes it one): the leave goes into the
 * schedule, then each named booking moves (shared move rules, patients told unless
 * `notifyPatients: false`). A move that is refused refuses the whole approval, naming the row,
 * so nothing is half done; stranded bookings no move names need `acknowledgeCollisions`.
 */
export function applyLeave(
  ctx: HandlerContext,
  request: LeaveRequest,
  input: ParsedInputOf<'leave.approve'>,
): Appointment[] {
  const doctor = getDoctor(ctx.db, request.doctorId);
  const { exceptions, collisions } = leaveOfRequest(ctx, request);
  if (exceptions.length === 0) {
    throw failure('INVALID_TRANSITION', 'The dates of this request have passed: decline it instead.');
  }
  const stranded = new Set(collisions.map((c) => c.row.id));
  const named = new Set<string>();
  input.moves.forEach((move, index) => {
    if (!stranded.has(move.appointmentId) || named.has(move.appointmentId)) {
      throw invalidField(`moves.${index}.appointmentId`, 'is not one of the bookings this leave strands');
    }
    named.add(move.appointmentId);
  });
  guardCollisions(
    ctx,
    collisions.filter((c) => !named.has(c.row.id)),
    input.acknowledgeCollisions,
    doctor.fullName,
  );

  for (const exception of exceptions) {
    ctx.db.run(
      ctx.db.q.insertInto('schedule_exceptions').values({
        ...exception,
        window: exception.window ? JSON.stringify(exception.window) : null,
      }),
    );
    ctx.changed('schedule_exceptions', exception.id);
  }
  const reason = input.reason || `${doctor.fullName} is on leave`;
  return input.moves.map((move, index) => {
    const field = `moves.${index}.newStartsAt`;
    try {
      return moveAppointment(ctx, getAppointment(ctx.db, move.appointmentId), {
        newStartsAt: move.newStartsAt,
        doctorId: move.doctorId,
        reason,
        field,
      });
    } catch (error) {
      // A time taken meanwhile names its row too: the whole approval is refused over it.
      if (!(error instanceof ApiFailure) || error.error.fields) throw error;
      const row = collisions.find((c) => c.row.id === move.appointmentId)!.row;
      throw failure(
        error.code,
        `${row.patientCode} ${row.patientName}: ${error.message} Nothing was changed.`,
        {
          ...(error.error.nextSlots ? { nextSlots: error.error.nextSlots } : {}),
          fields: [{ field, message: error.message }],
        },
      );
    }
  });
}
