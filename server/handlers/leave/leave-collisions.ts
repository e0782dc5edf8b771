import type { LeaveRequest } from '@shared/domain/leave-request.schema';
import { leaveDates } from '@shared/domain/leave-request.schema';
import type { ScheduleException } from '@shared/domain/schedule.schema';
import { clinicDate } from '@shared/rules/zoned-time';
import type { HandlerContext } from '@server/core/handler';
import { assertExceptionValid } from '@server/handlers/clinic/schedule-checks';
import { type Collision, scheduleCollisions } from '@server/handlers/clinic/schedule-collisions';
import { exceptionsOf, weeklyWindows } from '@server/handlers/clinic/schedule.repository';

/**
 * The schedule exceptions a leave request becomes (one leave per date from today on) and the
 * bookings they would strand, worked out before anything is written. The exception's reason is
 * only "Leave": schedule exceptions travel to every staff desktop, the request's reason does not.
 */
export function leaveOfRequest(
  ctx: HandlerContext,
  request: Pick<LeaveRequest, 'doctorId' | 'fromDate' | 'toDate' | 'window'>,
  newId: () => string = () => ctx.newId(),
): { exceptions: ScheduleException[]; collisions: Collision[] } {
  const today = clinicDate(ctx.now, ctx.settings().timeZone);
  const weekly = weeklyWindows(ctx.db, request.doctorId);
  const exceptions: ScheduleException[] = [];
  const collisions: Collision[] = [];
  for (const date of leaveDates(request.fromDate, request.toDate).filter((d) => d >= today)) {
    const exception: ScheduleException = {
      id: newId(),
      doctorId: request.doctorId,
      date,
      kind: 'leave',
      window: request.window ? { ...request.window, roomId: null } : null,
      reason: 'Leave',
    };
    assertExceptionValid(ctx, exception);
    const sameDay = exceptionsOf(ctx.db, request.doctorId, date, date);
    collisions.push(...scheduleCollisions(ctx, request.doctorId, weekly, [...sameDay, exception], date));
    exceptions.push(exception);
  }
  return { exceptions, collisions };
}
