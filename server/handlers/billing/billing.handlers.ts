import type { HandlerMap } from '@server/core/handler';

/** Bills, payments, refunds, receipts, collection reports (SPEC §9). */
export const billingHandlers: HandlerMap = {};
