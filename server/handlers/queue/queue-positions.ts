import type { QueueEntry } from '@shared/domain/queue.schema';
import type { HandlerContext } from '@server/core/handler';
import { type DayEntry, updateEntry } from './queue.repository';

/** Positions step by this much, so an entry can be moved between two others without renumbering. */
export const POSITION_STEP = 1000;

/** Where a newly checked-in patient goes: after everyone checked in so far (token n → n × 1000). */
export function endPosition(day: readonly DayEntry[], tokenNumber: number): number {
  const highest = Math.max(0, ...day.map((d) => d.entry.position));
  return Math.max(tokenNumber * POSITION_STEP, highest + POSITION_STEP);
}

function between(lower: number | undefined, upper: number | undefined): number | null {
  if (lower === undefined && upper === undefined) return POSITION_STEP;
  if (lower === undefined) return upper! - POSITION_STEP;
  if (upper === undefined) return lower + POSITION_STEP;
  return upper - lower >= 2 ? lower + Math.floor((upper - lower) / 2) : null;
}

/**
 * The position that puts an entry at `index` of `others` — waiting entries of its own priority,
 * in queue order, without the entry itself. When the neighbours leave no gap, the others are
 * renumbered (step apart, keeping their order) to make room.
 */
export function positionAt(ctx: HandlerContext, others: readonly QueueEntry[], index: number): number {
  const found = between(others[index - 1]?.position, others[index]?.position);
  if (found !== null) return found;
  // No gap means both neighbours exist, so index ≥ 1 and the first entry keeps its position.
  const base = others[0]!.position;
  others.forEach((other, i) => {
    const position = base + (i < index ? i : i + 1) * POSITION_STEP;
    if (other.position !== position) updateEntry(ctx, other, { position });
  });
  return base + index * POSITION_STEP;
}
