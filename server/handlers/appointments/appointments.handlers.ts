import type { HandlerMap } from '@server/core/handler';
import { bookingHandlers } from './booking.handlers';
import { lifecycleHandlers } from './lifecycle.handlers';
import { queryHandlers } from './queries.handlers';
import { rescheduleHandlers } from './reschedule.handlers';

/**
 * Booking, lifecycle, reschedule, undo, lists and search (SPEC §4–6), plus slots.list/nextFree and
 * schedules.bulkReschedule. appointments.slip (PDF) is not here yet.
 */
export const appointmentHandlers: HandlerMap = {
  ...bookingHandlers,
  ...lifecycleHandlers,
  ...rescheduleHandlers,
  ...queryHandlers,
};
