import type { HubCore } from '@server/core/hub-core';
import type { Db } from '@server/db/database';
import { notifyInbox } from './message-writes.repository';
import { MISSED_REMINDER } from './delivery-policy';
import { releaseDueInAppRows } from './outbox.repository';

export { MISSED_REMINDER };

/**
 * In-app reminders still pending whose appointment has begun (the hub was down when they fell
 * due) become skipped, saying why; those whose appointment is still ahead stay pending and go
 * once. SMS and e-mail reminders are checked the same way when the worker claims them
 * (`reminderSkipReason`). Returns how many were skipped.
 */
export function skipMissedReminders(db: Db, nowMs: number, now: string): number {
  return db.run(
    db.q
      .updateTable('notifications')
      .set({ state: 'skipped', reason: MISSED_REMINDER, updatedAt: now, leaseUntilMs: null })
      .where('state', '=', 'pending')
      .where('kind', '=', 'reminder')
      .where('channel', '=', 'in_app')
      .where('aboutEntity', '=', 'appointments')
      .where('nextAttemptMs', '<=', nowMs)
      .where('aboutId', 'in', (eb) =>
        eb.selectFrom('appointments').select('id').where('startMs', '<=', nowMs),
      ),
  ).changes;
}

/**
 * One round of what the delivery worker does for reminders and the in-app inbox, before it sends
 * SMS and e-mail: missed reminders skipped, in-app messages that fell due delivered (sent), and
 * each patient whose inbox grew told (`notifications.new`). Call on start and on every round.
 */
export function deliverDueInApp(core: Pick<HubCore, 'db' | 'clock' | 'events' | 'outbox' | 'push'>): void {
  const now = core.clock.now();
  const released = core.db.transaction(() => {
    skipMissedReminders(core.db, now.getTime(), now.toISOString());
    return releaseDueInAppRows(core.db, now.getTime(), now.toISOString());
  });
  for (const patientId of released.patients) notifyInbox({ db: core.db, hub: core }, patientId);
  core.push.delivered(released.pushIds);
}
