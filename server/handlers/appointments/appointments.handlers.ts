import type { HandlerMap } from '@server/core/handler';
import { bookingHandlers } from './booking.handlers';
import { lifecycleHandlers } from './lifecycle.handlers';
import { queryHandlers } from './queries.handlers';
import { rescheduleHandlers } from './reschedule.handlers';
import { slipHandlers } from './slip.handlers';

/**
 * Booking, lifecycle, reschedule, undo, lists and search (docs/product.md §4–6), plus slots.list/nextFree,
 * schedules.bulkReschedule and the appointment slip (PDF).
 */
export const appointmentHandlers: HandlerMap = {
  ...bookingHandlers,
  ...lifecycleHandlers,
  ...rescheduleHandlers,
  ...queryHandlers,
  ...slipHandlers,
};
