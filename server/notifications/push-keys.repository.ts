import webpush from 'web-push';
import type { Db } from '@server/db/database';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/**
 * The hub's VAPID key pair (RFC 8292), made once on its first start and kept in
 * `push_vapid_keys` (migration 018, hub-only). The private key never leaves the hub: only the
 * public one is ever answered (push.publicKey, GET /api/v1/push/key).
 */
export function ensureVapidKeys(db: Db, now: string): VapidKeys {
  const existing = vapidKeys(db);
  if (existing) return existing;
  const made = webpush.generateVAPIDKeys();
  db.run(
    db.q
      .insertInto('push_vapid_keys')
      .values({ id: 1, publicKey: made.publicKey, privateKey: made.privateKey, createdAt: now })
      .onConflict((oc) => oc.column('id').doNothing()),
  );
  return vapidKeys(db)!;
}

export function vapidKeys(db: Db): VapidKeys | null {
  return (
    db.first(db.q.selectFrom('push_vapid_keys').select(['publicKey', 'privateKey']).where('id', '=', 1)) ??
    null
  );
}

export function vapidPublicKey(db: Db): string | null {
  return (
    db.first(db.q.selectFrom('push_vapid_keys').select('publicKey').where('id', '=', 1))?.publicKey ?? null
  );
}
