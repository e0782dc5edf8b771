import type { HandlerMap } from '@server/core/handler';
import { queueCallHandlers } from './queue-calls.handlers';
import { queueCheckInHandlers } from './queue-check-in.handlers';
import { queueOrderHandlers } from './queue-order.handlers';
import { queueViewHandlers } from './queue-views.handlers';

/** Check-in, tokens, queue order, walk-ins, call next, display board (docs/product.md §7). */
export const queueHandlers: HandlerMap = {
  ...queueCheckInHandlers,
  ...queueOrderHandlers,
  ...queueCallHandlers,
  ...queueViewHandlers,
};
