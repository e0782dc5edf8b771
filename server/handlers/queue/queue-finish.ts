import type { HandlerContext } from '@server/core/handler';
import { findEntryByAppointment, updateEntry } from './queue.repository';

/**
 * Marks the visit's queue entry done when the visit is completed (used by the consultations
 * area). Its consultation length then teaches the doctor's average. No entry: nothing to do.
 */
export function finishQueueEntry(ctx: HandlerContext, appointmentId: string): void {
  const entry = findEntryByAppointment(ctx.db, appointmentId);
  if (!entry || entry.state === 'done') return;
  updateEntry(ctx, entry, { state: 'done', finishedAt: ctx.now });
}

/** Takes the entry out of the waiting line when its check-in is undone; a new check-in reuses it. */
export function withdrawQueueEntry(ctx: HandlerContext, appointmentId: string): void {
  const entry = findEntryByAppointment(ctx.db, appointmentId);
  if (!entry || entry.state === 'done' || entry.state === 'left') return;
  updateEntry(ctx, entry, { state: 'left' });
}
