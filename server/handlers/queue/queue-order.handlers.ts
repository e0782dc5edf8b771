import type { QueueEntry, QueueMove } from '@shared/domain/queue.schema';
import { failure } from '@shared/contract/errors';
import { type HandlerContext, type HandlerMap, handler } from '@server/core/handler';
import { assertOwn, requireActor } from '@server/repositories/ownership';
import { positionAt } from './queue-positions';
import { getEntry, orderedDay, updateEntry } from './queue.repository';

function waitingEntry(ctx: HandlerContext, id: string): QueueEntry {
  const entry = getEntry(ctx.db, id);
  assertOwn(ctx, 'queue_entries', entry, 'queueEntry');
  if (entry.state !== 'waiting') {
    throw failure('POLICY', `${entry.token} is no longer waiting; only waiting patients can be reordered.`);
  }
  return entry;
}

/** Every reorder and priority change is recorded (docs/product.md §7). */
function recordMove(ctx: HandlerContext, before: QueueEntry, after: QueueEntry, reason: string): QueueMove {
  const move: QueueMove = {
    id: ctx.newId(),
    queueEntryId: before.id,
    fromPosition: before.position,
    toPosition: after.position,
    priorityFrom: before.priority,
    priorityTo: after.priority,
    movedBy: requireActor(ctx).userId,
    at: ctx.now,
    reason: reason.trim(),
  };
  ctx.db.run(ctx.db.q.insertInto('queue_moves').values(move));
  ctx.changed('queue_moves', move.id);
  ctx.audit({
    kind: 'change',
    action: before.priority === after.priority ? 'queue.move' : 'queue.setPriority',
    entity: 'queue_entries',
    entityId: before.id,
    patientId: before.patientId,
    details: {
      token: before.token,
      fromPosition: move.fromPosition,
      toPosition: move.toPosition,
      priorityFrom: move.priorityFrom,
      priorityTo: move.priorityTo,
      reason: move.reason,
    },
  });
  return move;
}

export const queueOrderHandlers: HandlerMap = {
  /**
   * toIndex counts in the waiting list as queue.list shows it (patients already called but not yet
   * in come first and cannot be passed). An entry stays within its priority: urgent ones stay ahead.
   */
  'queue.move': handler('queue.move', {
    run: (input, ctx) => {
      const entry = waitingEntry(ctx, input.entryId);
      const day = orderedDay(ctx.db, entry.doctorId, entry.clinicDate);
      const others = day.waiting.map((d) => d.entry).filter((e) => e.id !== entry.id);
      const target = Math.min(Math.max(0, input.toIndex - day.pending.length), others.length);
      const urgentCount = others.filter((e) => e.priority === 'urgent').length;
      if (entry.priority === 'normal' && target < urgentCount) {
        throw failure(
          'POLICY',
          'Urgent patients stay at the front; mark this patient urgent to move them ahead of them.',
        );
      }
      if (entry.priority === 'urgent' && target > urgentCount) {
        throw failure(
          'POLICY',
          'An urgent patient stays ahead of the others; set the priority to normal first.',
        );
      }
      const sameClass = others.filter((e) => e.priority === entry.priority);
      const classIndex = entry.priority === 'urgent' ? target : target - urgentCount;
      const unchanged = day.waiting.map((d) => d.entry.id).indexOf(entry.id) === target;
      const position = unchanged ? entry.position : positionAt(ctx, sameClass, classIndex);
      const moved = updateEntry(ctx, entry, { position });
      return recordMove(ctx, entry, moved, input.reason);
    },
  }),

  'queue.setPriority': handler('queue.setPriority', {
    run: (input, ctx) => {
      const entry = waitingEntry(ctx, input.entryId);
      // Keeps its position: among urgent (or normal) patients the check-in order still holds.
      const changed = updateEntry(ctx, entry, { priority: input.priority });
      return recordMove(ctx, entry, changed, input.reason);
    },
  }),
};
