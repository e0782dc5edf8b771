import type { HandlerMap } from '@server/core/handler';

/** Analytics and the audit log (SPEC §11). */
export const adminHandlers: HandlerMap = {};
