import { failure } from '@shared/contract/errors';
import type { MutationOutcome } from '@shared/contract/sync.contract';
import type { Db } from '@server/db/database';

/** A sync client as the hub records it (the admin's devices list reads these rows). */
export interface ClientInfo {
  clientId: string;
  userId: string;
  deviceName: string;
  kind: string;
  deviceId: string;
}

/** Who is using a client id: the session's user, on the session's device. */
export interface ClientUser {
  userId: string;
  deviceId: string;
}

/**
 * A client id is bound to the user and device of its first contact (connect, sign-in or push).
 * `new`: never seen; `owned`: bound to this user on this device (or seen before the binding was
 * recorded); `taken`: bound to someone or something else.
 */
export type ClientStanding = 'new' | 'owned' | 'taken';

export function standingOf(db: Db, clientId: string, user: ClientUser): ClientStanding {
  const row = db.first(
    db.q.selectFrom('sync_clients').select(['userId', 'deviceId']).where('clientId', '=', clientId),
  );
  if (!row) return 'new';
  const sameUser = row.userId === null || row.userId === user.userId;
  const sameDevice = row.deviceId === null || row.deviceId === user.deviceId;
  return sameUser && sameDevice ? 'owned' : 'taken';
}

/** Whether a change of this user may keep the record ids of an earlier client (a mutation's origin). */
export function mayUseOrigin(db: Db, origin: string, userId: string): boolean {
  const row = db.first(db.q.selectFrom('sync_clients').select('userId').where('clientId', '=', origin));
  return !row || row.userId === null || row.userId === userId;
}

/** The refusal a desktop answers by registering a fresh client id (docs/architecture.md). */
export function clientTaken(message: string, detail: string) {
  return failure('CONFLICT', message, { fields: [{ field: 'clientId', message: detail }] });
}

export function lastMutationIdOf(db: Db, clientId: string | null): number {
  if (!clientId) return 0;
  const row = db.first(
    db.q.selectFrom('sync_clients').select('lastMutationId').where('clientId', '=', clientId),
  );
  return row?.lastMutationId ?? 0;
}

/**
 * The client's last mutation id, told only to its own user on its own device; null (will not
 * tell) to anyone else, never a made-up 0 a desktop could renumber its outbox by. A client id
 * the hub has never seen has processed nothing: 0.
 */
export function lastMutationIdFor(db: Db, clientId: string | null, user: ClientUser | null): number | null {
  if (!clientId) return 0;
  const standing = user ? standingOf(db, clientId, user) : 'taken';
  if (standing === 'new') return 0;
  return standing === 'owned' ? lastMutationIdOf(db, clientId) : null;
}

/**
 * Records that a client was seen (connect, sign-in, push), creating its row, bound to this user
 * and device, on first contact. A client bound to another user or device is left as it is:
 * false then.
 */
export function touchClient(db: Db, client: ClientInfo, at: string): boolean {
  const { clientId, userId, deviceName, kind, deviceId } = client;
  const result = db.run(
    db.q
      .insertInto('sync_clients')
      .values({
        clientId,
        userId,
        deviceName,
        kind,
        deviceId,
        lastSeenAt: at,
        lastMutationId: 0,
        pendingMutations: 0,
      })
      .onConflict((oc) =>
        oc
          .column('clientId')
          .doUpdateSet((eb) => ({
            userId: eb.fn.coalesce('sync_clients.userId', eb.val(userId)),
            deviceName: deviceName || eb.ref('sync_clients.deviceName'),
            kind,
            deviceId: eb.fn.coalesce('sync_clients.deviceId', eb.val(deviceId)),
            lastSeenAt: at,
          }))
          .where((eb) =>
            eb.and([
              eb.or([eb('sync_clients.userId', 'is', null), eb('sync_clients.userId', '=', userId)]),
              eb.or([eb('sync_clients.deviceId', 'is', null), eb('sync_clients.deviceId', '=', deviceId)]),
            ]),
          ),
      ),
  );
  return result.changes === 1;
}

/** A processed mutation as stored: its outcome (a re-sent duplicate gets it again) and fingerprint. */
export interface StoredMutation {
  outcome: MutationOutcome;
  /** Null for mutations processed before fingerprints were kept (migration 006). */
  fingerprint: string | null;
}

export function storedMutation(db: Db, clientId: string, mutationId: number): StoredMutation | undefined {
  const row = db.first(
    db.q
      .selectFrom('processed_mutations')
      .select(['response', 'fingerprint'])
      .where('clientId', '=', clientId)
      .where('mutationId', '=', mutationId),
  );
  return row && { outcome: JSON.parse(row.response) as MutationOutcome, fingerprint: row.fingerprint };
}
