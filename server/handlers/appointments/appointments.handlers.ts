import type { HandlerMap } from '@server/core/handler';

/** Booking, lifecycle, reschedule, undo, lists and search (SPEC §4–6). */
export const appointmentHandlers: HandlerMap = {};
