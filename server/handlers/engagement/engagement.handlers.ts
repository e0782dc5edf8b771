import type { HandlerMap } from '@server/core/handler';
import { waitlistHandlers } from './waitlist.handlers';

/** Waiting list, notifications, attachments (docs/product.md §10–11). */
export const engagementHandlers: HandlerMap = { ...waitlistHandlers };
