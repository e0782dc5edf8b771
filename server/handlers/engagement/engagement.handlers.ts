import type { HandlerMap } from '@server/core/handler';

/** Waiting list, notifications, attachments (SPEC §10–11). */
export const engagementHandlers: HandlerMap = {};
