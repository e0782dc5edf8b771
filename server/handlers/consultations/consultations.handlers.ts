import type { HandlerMap } from '@server/core/handler';

/** Consultation records, signing, addenda, completion (SPEC §8). */
export const consultationHandlers: HandlerMap = {};
