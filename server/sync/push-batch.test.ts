import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Mutation } from '@shared/contract/sync.contract';
import { localToInstant } from '@shared/rules/zoned-time';
import { insertDoctor, insertPatient, weekdaySchedule } from '@server/testing/fixtures';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { PushApplier, type PushSession } from './push';

let hub: TestHub | undefined;
afterEach(() => {
  hub?.close();
  hub = undefined;
});

const clientId = 'desktop-batch-0001';
const createdAt = '2026-11-23T02:00:00.000Z';

async function receptionDesk() {
  hub = await createTestHub();
  const caller = await hub.signIn('receptionist');
  const actor = hub.core.authenticate(caller.token!, caller.deviceId);
  const session: PushSession = { actor, caller, clientId, deviceName: 'front desk', kind: 'desktop' };
  return { hub, session, epoch: hub.core.identity().epoch };
}

const register = (mutationId: number, fullName: string, id = randomUUID()): Mutation => ({
  mutationId,
  name: 'patients.register',
  input: { id, details: { fullName, sex: 'unknown' } },
  createdAt,
});

const count = (sql: string, ...params: unknown[]) =>
  (hub!.db.sqlite.prepare(sql).get(...params) as { n: number }).n;

/** Counts the group-commit work items (each is one durable commit when nothing else is queued). */
function countCommits(target: TestHub): () => number {
  let commits = 0;
  const run = target.core.writes.run.bind(target.core.writes);
  target.core.writes.run = (work) => {
    commits += 1;
    return run(work);
  };
  return () => commits;
}

describe('sync push batches', () => {
  it('records every outcome in order; a rejected mutation rolls back alone and the rest commit', async () => {
    const { hub, session, epoch } = await receptionDesk();
    const doctor = insertDoctor(hub.db, { sessionMinutes: 30, bufferOverride: { before: 0, after: 0 } });
    weekdaySchedule(hub.db, doctor.id);
    const [first, second] = [insertPatient(hub.db).id, insertPatient(hub.db).id];
    const startsAt = localToInstant('2026-11-24', '10:00', 'Asia/Kolkata');
    const book = (mutationId: number, patientId: string): Mutation => ({
      mutationId,
      name: 'appointments.book',
      input: { id: randomUUID(), patientId, doctorId: doctor.id, startsAt },
      createdAt,
    });
    const pokes: number[] = [];
    hub.core.events.on('sync.poke', ({ seq }) => pokes.push(seq));
    const commits = countCommits(hub);

    const applier = new PushApplier(hub.core, hub.dispatcher);
    const ravi = register(5, 'Pushed Ravi');
    const result = await applier.push(session, {
      clientId,
      epoch,
      mutations: [
        register(1, 'Pushed Asha'),
        book(2, first),
        book(3, second), // the same slot: refused by the hub's claims
        { ...register(4, ''), input: { details: { sex: 'unknown' } } }, // invalid input
        ravi,
      ],
    });

    expect(result.gap).toBe(false);
    expect(result.lastMutationId).toBe(5);
    expect(result.outcomes.map((o) => [o.mutationId, o.status])).toEqual([
      [1, 'applied'],
      [2, 'applied'],
      [3, 'rejected'],
      [4, 'rejected'],
      [5, 'applied'],
    ]);
    expect(result.outcomes[2]).toMatchObject({ error: { code: 'SLOT_TAKEN' } });
    expect(result.outcomes[3]).toMatchObject({ error: { code: 'VALIDATION' } });

    const stored = hub.db.sqlite
      .prepare(
        'SELECT mutationId, status, response FROM processed_mutations WHERE clientId = ? ORDER BY mutationId',
      )
      .all(clientId) as { mutationId: number; status: string; response: string }[];
    expect(stored.map((r) => [r.mutationId, r.status])).toEqual([
      [1, 'applied'],
      [2, 'applied'],
      [3, 'rejected'],
      [4, 'rejected'],
      [5, 'applied'],
    ]);
    expect(stored.map((r) => JSON.parse(r.response) as unknown)).toEqual(result.outcomes);
    expect(count("SELECT count(*) AS n FROM patients WHERE fullName IN ('Pushed Asha', 'Pushed Ravi')")).toBe(
      2,
    );
    expect(count('SELECT count(*) AS n FROM appointments')).toBe(1);
    expect(count('SELECT count(*) AS n FROM appointments WHERE patientId = ?', second)).toBe(0);
    // One durable commit for the batch, and one poke up to its last change.
    expect(commits()).toBe(1);
    const lastSeq = count('SELECT max(seq) AS n FROM changes');
    expect(pokes).toEqual([lastSeq]);
    // Sent again, every outcome is the stored one and nothing runs twice.
    const again = await applier.push(session, {
      clientId,
      epoch,
      mutations: [ravi, register(6, 'Pushed Meena')],
    });
    expect(again.outcomes[0]).toEqual(result.outcomes[4]);
    expect(again.outcomes[1]).toMatchObject({ mutationId: 6, status: 'applied' });
    expect(count("SELECT count(*) AS n FROM patients WHERE fullName = 'Pushed Ravi'")).toBe(1);
  });

  it('shares one commit per chunk; a failure to record fails its chunk whole, earlier chunks stay', async () => {
    const { hub, session, epoch } = await receptionDesk();
    const applier = new PushApplier(hub.core, hub.dispatcher, 2);
    const commits = countCommits(hub);
    const mutations = [1, 2, 3, 4, 5].map((n) => register(n, `Batch Patient ${n}`));
    hub.db.sqlite.exec(`CREATE TRIGGER crash BEFORE INSERT ON processed_mutations
      WHEN new.mutationId = 4 BEGIN SELECT RAISE(ABORT, 'simulated crash'); END`);
    await expect(applier.push(session, { clientId, epoch, mutations })).rejects.toThrow('simulated crash');
    const batchPatients = () =>
      count("SELECT count(*) AS n FROM patients WHERE fullName LIKE 'Batch Patient %'");
    expect(batchPatients()).toBe(2);
    expect(count('SELECT lastMutationId AS n FROM sync_clients WHERE clientId = ?', clientId)).toBe(2);
    expect(commits()).toBe(2);

    hub.db.sqlite.exec('DROP TRIGGER crash');
    const retried = await applier.push(session, { clientId, epoch, mutations });
    expect(retried.outcomes.map((o) => o.status)).toEqual(Array(5).fill('applied'));
    expect(retried.lastMutationId).toBe(5);
    expect(batchPatients()).toBe(5);
    expect(commits()).toBe(4); // 3 + 4, then 5; 1 and 2 answered from their stored outcomes
  });

  it('commits a large batch in chunks, in order, with mutation ids checked across chunks', async () => {
    const { hub, session, epoch } = await receptionDesk();
    const commits = countCommits(hub);
    const mutations = Array.from({ length: 250 }, (_, i) => register(i + 1, `Bulk ${i + 1}`));
    const result = await new PushApplier(hub.core, hub.dispatcher).push(session, {
      clientId,
      epoch,
      mutations: [...mutations.slice(0, 120), ...mutations.slice(121)], // 121 missing: a gap
    });
    expect(result).toMatchObject({ lastMutationId: 120, gap: true });
    expect(result.outcomes).toHaveLength(120);
    expect(commits()).toBe(2);
    expect(count("SELECT count(*) AS n FROM patients WHERE fullName LIKE 'Bulk %'")).toBe(120);
  });
});
