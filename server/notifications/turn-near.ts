import { clinicDate } from '@shared/rules/zoned-time';
import type { Db } from '@server/db/database';
import { orderedDay } from '@server/handlers/queue/queue.repository';
import { getDoctor } from '@server/repositories/lookups.repository';
import { doctorDisplayName } from './message-params';
import { type MessageContext, writeMessages } from './message-writes.repository';

/** How many patients may still be ahead when "your turn is near" goes: next, or next but one. */
export const TURN_NEAR_AHEAD = 1;

/**
 * "Your turn is near" on the day: after any change to a doctor's queue today (a check-in, a call,
 * a reorder, a finished visit), each waiting patient with at most one patient ahead in the
 * waiting order (called patients who have not come in count first, as in the queue's estimates)
 * is told once per queue entry, in the inbox and so by Web Push. Not by SMS or e-mail: a text to
 * everyone checked in is not the clinic's policy; the waiting room's display calls them anyway.
 */
export function planTurnNear(ctx: MessageContext, queueEntryIds: readonly string[]): void {
  if (queueEntryIds.length === 0) return;
  const today = clinicDate(ctx.now, ctx.settings().timeZone);
  for (const doctorId of doctorsWithChangesOn(ctx.db, queueEntryIds, today)) {
    const day = orderedDay(ctx.db, doctorId, today);
    const inLine = [...day.pending, ...day.waiting];
    inLine.slice(0, TURN_NEAR_AHEAD + 1).forEach(({ entry }) => {
      if (entry.state !== 'waiting') return;
      writeMessages(ctx, {
        kind: 'turn_near',
        patientId: entry.patientId,
        about: { entity: 'appointments', id: entry.appointmentId },
        key: (channel) => `turn:${entry.id}:${channel}`,
        values: { doctor: doctorDisplayName(getDoctor(ctx.db, doctorId).fullName), token: entry.token },
        channels: ['in_app'],
      });
    });
  }
}

function doctorsWithChangesOn(db: Db, ids: readonly string[], date: string): string[] {
  const rows = db.all(
    db.q
      .selectFrom('queue_entries')
      .select('doctorId')
      .distinct()
      .where('id', 'in', [...ids])
      .where('clinicDate', '=', date),
  );
  return rows.map((row) => row.doctorId);
}
