import { randomUUID } from 'node:crypto';
import type { Db } from '@server/db/database';
import type { PushSubscriptionTable } from '@server/db/push-tables';

export interface NewPushSubscription {
  patientId: string;
  endpoint: string;
  p256dh: string;
  auth: string;
}

/**
 * Saves a browser's subscription for the patient. An endpoint is one browser: subscribing it
 * again (new keys, or another patient signed in on that phone) replaces the earlier row.
 */
export function savePushSubscription(db: Db, sub: NewPushSubscription, now: string): void {
  db.run(
    db.q
      .insertInto('push_subscriptions')
      .values({ id: randomUUID(), ...sub, createdAt: now })
      .onConflict((oc) =>
        oc.column('endpoint').doUpdateSet({
          patientId: sub.patientId,
          p256dh: sub.p256dh,
          auth: sub.auth,
          createdAt: now,
          lastFailureAt: null,
          lastFailure: null,
        }),
      ),
  );
}

/** Removes the patient's own subscription with this endpoint; another patient's is left alone. */
export function removePushSubscription(db: Db, patientId: string, endpoint: string): boolean {
  return (
    db.run(
      db.q
        .deleteFrom('push_subscriptions')
        .where('patientId', '=', patientId)
        .where('endpoint', '=', endpoint),
    ).changes > 0
  );
}

export function pushSubscriptionsOf(db: Db, patientId: string): PushSubscriptionTable[] {
  return db.all(db.q.selectFrom('push_subscriptions').selectAll().where('patientId', '=', patientId));
}

/** A push service said the subscription is gone (404/410): it is removed. */
export function dropPushSubscription(db: Db, id: string): void {
  db.run(db.q.deleteFrom('push_subscriptions').where('id', '=', id));
}

export function recordPushOutcome(db: Db, id: string, now: string, failure: string | null): void {
  db.run(
    db.q
      .updateTable('push_subscriptions')
      .set(
        failure === null
          ? { lastSuccessAt: now }
          : { lastFailureAt: now, lastFailure: failure.slice(0, 300) },
      )
      .where('id', '=', id),
  );
}
