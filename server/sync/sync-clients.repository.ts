import type { MutationOutcome } from '@shared/contract/sync.contract';
import type { Db } from '@server/db/database';

/** A sync client as the hub records it (the admin's devices list reads these rows). */
export interface ClientInfo {
  clientId: string;
  userId: string | null;
  deviceName: string;
  kind: string;
  deviceId: string;
}

export function lastMutationIdOf(db: Db, clientId: string | null): number {
  if (!clientId) return 0;
  const row = db.first(
    db.q.selectFrom('sync_clients').select('lastMutationId').where('clientId', '=', clientId),
  );
  return row?.lastMutationId ?? 0;
}

/** Records that a client was seen (connect, sign-in, push), creating its row on first contact. */
export function touchClient(db: Db, client: ClientInfo, at: string): void {
  const { clientId, userId, deviceName, kind, deviceId } = client;
  db.run(
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
        oc.column('clientId').doUpdateSet((eb) => ({
          userId: userId ?? eb.ref('sync_clients.userId'),
          deviceName: deviceName || eb.ref('sync_clients.deviceName'),
          kind,
          deviceId,
          lastSeenAt: at,
        })),
      ),
  );
}

/** The outcome stored when the mutation was first processed (a re-sent duplicate gets it again). */
export function storedOutcome(db: Db, clientId: string, mutationId: number): MutationOutcome | undefined {
  const row = db.first(
    db.q
      .selectFrom('processed_mutations')
      .select('response')
      .where('clientId', '=', clientId)
      .where('mutationId', '=', mutationId),
  );
  return row ? (JSON.parse(row.response) as MutationOutcome) : undefined;
}
