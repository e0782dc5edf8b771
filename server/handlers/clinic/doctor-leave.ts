import { failure } from '@shared/contract/errors';
import type { ScheduleException } from '@shared/domain/schedule.schema';
import type { HandlerContext } from '@server/core/handler';
import { assertOwn } from '@server/repositories/ownership';

/**
 * A doctor's own leave (setting `doctorLeave`): with 'doctors' each doctor adds and removes
 * leave on their own schedule (another doctor's answers like a missing one); extra working
 * hours and, with 'frontDesk' or 'doctorsRequest' (server/handlers/leave/), leave too stay with
 * reception and admin.
 */
export function assertMayChangeException(
  ctx: HandlerContext,
  exception: Pick<ScheduleException, 'doctorId' | 'kind'>,
): void {
  if (ctx.actor?.role !== 'doctor') return;
  assertOwn(ctx, 'schedule_exceptions', exception, 'doctor');
  const setting = ctx.settings().doctorLeave;
  if (setting === 'doctorsRequest') {
    throw failure(
      'POLICY',
      'The clinic approves doctors’ leave: send a leave request (My leave) and the front desk decides.',
    );
  }
  if (setting !== 'doctors') {
    throw failure(
      'POLICY',
      'The clinic has reception put doctors’ leave in the schedule: please ask the front desk.',
    );
  }
  if (exception.kind !== 'leave') {
    throw failure('POLICY', 'Extra working hours are added by the front desk: please ask them.', {
      fields: [{ field: 'exception.kind', message: 'doctors may add leave only' }],
    });
  }
}
