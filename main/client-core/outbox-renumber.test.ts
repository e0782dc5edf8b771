import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HubHello } from '@shared/contract/sync.contract';
import { HubLink } from './hub-link';
import { Outbox } from './outbox';
import { openReplica, type Replica } from './replica';
import { SyncEngine } from './sync-engine';

const CLIENT = '11111111-1111-4111-8111-1111111111aa';
const HUB = 'hub-1';

const opened: Replica[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const replica of opened.splice(0)) replica.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A replica whose outbox holds mutations 1 … n of CLIENT; `acked` of them acknowledged. */
function outboxOf(n: number, acked: number[]): { replica: Replica; outbox: Outbox } {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-renumber-'));
  dirs.push(dir);
  const replica = openReplica(join(dir, 'replica.db'));
  opened.push(replica);
  const outbox = new Outbox(replica.db);
  replica.db.sqlite
    .prepare(
      `INSERT INTO client_users (username, userId, verifier, token, actor, clientId, nextMutationId, updatedAt)
       VALUES ('reena', 'u1', 'v', NULL, '{}', ?, 1, '2026-11-23T02:30:00.000Z')`,
    )
    .run(CLIENT);
  const actor = {
    userId: 'u1',
    role: 'receptionist',
    doctorId: null,
    patientId: null,
    deviceId: 'pc',
  } as const;
  replica.db.transaction(() => {
    for (let i = 1; i <= n; i++) {
      const mutationId = outbox.allocate(CLIENT);
      outbox.insert({
        clientId: CLIENT,
        mutationId,
        userId: 'u1',
        actor,
        name: 'appointments.cancel',
        input: { id: `a${i}` },
        createdAt: '2026-11-23T02:30:00.000Z',
      });
    }
  });
  for (const id of acked) outbox.markAcked(CLIENT, id);
  return { replica, outbox };
}

const rows = (replica: Replica) =>
  replica.db.sqlite
    .prepare('SELECT mutationId, state, input FROM client_outbox ORDER BY seq')
    .all()
    .map((r) => {
      const row = r as { mutationId: number; state: string; input: string };
      return `${(JSON.parse(row.input) as { id: string }).id}:${row.mutationId}:${row.state}`;
    });
const nextId = (replica: Replica) =>
  (replica.db.sqlite.prepare('SELECT nextMutationId AS n FROM client_users').get() as { n: number }).n;

describe('renumbering the outbox (issue 14, item 2 review)', () => {
  it('sends again, renumbered, every change above what the hub says it holds (a restored hub lost them)', () => {
    const { replica, outbox } = outboxOf(4, [1, 2]);
    // A hub restored from a backup taken after mutation 1: it holds 1, not 2.
    outbox.renumber(CLIENT, 1);
    expect(rows(replica)).toEqual(['a1:1:acked', 'a2:2:pending', 'a3:3:pending', 'a4:4:pending']);
    // One restored from before any of them.
    outbox.renumber(CLIENT, 0);
    expect(rows(replica)).toEqual(['a1:1:pending', 'a2:2:pending', 'a3:3:pending', 'a4:4:pending']);
    expect(nextId(replica)).toBe(5);
    expect(outbox.pending(CLIENT, 10).map((m) => m.mutationId)).toEqual([1, 2, 3, 4]);
  });

  it('renumbers nothing on a new epoch when the hub will not tell the last mutation id, and does once it tells', () => {
    const { replica, outbox } = outboxOf(4, [1, 2]);
    const link = new HubLink('http://127.0.0.1:9', { deviceId: 'pc', deviceName: 'pc', clientId: CLIENT });
    const engine = new SyncEngine(
      link,
      replica,
      outbox,
      {
        rebase: () => undefined,
        rejected: () => undefined,
        changed: () => undefined,
        stateChanged: () => undefined,
        resetNeeded: () => Promise.resolve(),
        clientTaken: () => undefined,
        pendingReads: () => [],
        readsRecorded: () => undefined,
      },
      () => CLIENT,
      () => '2026-11-23T02:30:00.000Z',
    );
    const hello = (epoch: number, lastMutationId: number | null): HubHello => ({
      hubId: HUB,
      epoch,
      protocolVersion: 1,
      serverTime: '2026-11-23T02:30:00.000Z',
      lastMutationId,
    });
    // Mutations 1 and 2 went through and were dropped; 3 and 4 wait.
    engine.adopt(hello(1, 2));
    outbox.dropAcked(CLIENT);
    expect(rows(replica)).toEqual(['a3:3:pending', 'a4:4:pending']);

    // The hub was restored (epoch 2) but will not tell this session the client's last id.
    engine.adopt(hello(2, null));
    expect(rows(replica)).toEqual(['a3:3:pending', 'a4:4:pending']);
    expect(nextId(replica)).toBe(5);

    // Once a hello tells (the restored hub processed none of them), the outbox follows it.
    engine.adopt(hello(2, 0));
    expect(rows(replica)).toEqual(['a3:1:pending', 'a4:2:pending']);
    expect(nextId(replica)).toBe(3);
  });
});
