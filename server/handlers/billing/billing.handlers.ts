import type { HandlerMap } from '@server/core/handler';
import { billHandlers } from './bills.handlers';
import { paymentHandlers } from './payments.handlers';
import { receiptHandlers } from './receipt.handlers';
import { reportHandlers } from './reports.handlers';

/** Bills, payments, refunds, collection reports and the receipt PDF (docs/product.md §9, §12). */
export const billingHandlers: HandlerMap = {
  ...billHandlers,
  ...paymentHandlers,
  ...reportHandlers,
  ...receiptHandlers,
};
