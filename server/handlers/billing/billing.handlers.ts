import type { HandlerMap } from '@server/core/handler';
import { billHandlers } from './bills.handlers';
import { paymentHandlers } from './payments.handlers';
import { reportHandlers } from './reports.handlers';

/**
 * Bills, payments, refunds, collection reports (SPEC §9). billing.receiptPdf is not implemented
 * here yet (documents, SPEC §12).
 */
export const billingHandlers: HandlerMap = {
  ...billHandlers,
  ...paymentHandlers,
  ...reportHandlers,
};
