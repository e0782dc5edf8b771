import type { HandlerMap } from '@server/core/handler';

/** Check-in, tokens, queue order, walk-ins, call next, display board (SPEC §7). */
export const queueHandlers: HandlerMap = {};
