import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QueueEntry } from '@shared/domain/queue.schema';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { insertAppointment, type QueueWorld, queueWorld, TODAY } from '@server/testing/queue-fixtures';

let hub: TestHub;
let world: QueueWorld;

beforeEach(async () => {
  hub = await createTestHub();
  world = await queueWorld(hub);
});
afterEach(() => hub.close());

async function checkIn(count: number, priority: 'normal' | 'urgent' = 'normal'): Promise<QueueEntry[]> {
  const entries: QueueEntry[] = [];
  for (let i = 0; i < count; i++) {
    const existing = hub.db.sqlite.prepare('SELECT count(*) AS n FROM appointments').get() as { n: number };
    const minutes = 9 * 60 + existing.n * 30;
    const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    const appointmentId = insertAppointment(hub.db, { doctorId: world.doctor.id, time });
    entries.push(await hub.call(world.reception, 'queue.checkIn', { appointmentId, priority }));
    hub.clock.advance(1);
  }
  return entries;
}

async function waitingTokens(): Promise<string[]> {
  const queue = await hub.call(world.reception, 'queue.list', { doctorId: world.doctor.id, date: TODAY });
  return queue.waiting.map((w) => w.entry.token);
}

function moves(entryId: string) {
  return hub.db.sqlite
    .prepare(
      'SELECT fromPosition, toPosition, priorityFrom, priorityTo, reason FROM queue_moves WHERE queueEntryId = ?',
    )
    .all(entryId);
}

describe('queue order', () => {
  it('puts urgent patients first, checked in urgent or marked urgent later (recorded)', async () => {
    const [, , third] = await checkIn(3);
    const [urgent] = await checkIn(1, 'urgent');
    expect(await waitingTokens()).toEqual(['K-004', 'K-001', 'K-002', 'K-003']);
    expect(urgent!.priority).toBe('urgent');

    const move = await hub.call(world.reception, 'queue.setPriority', {
      entryId: third!.id,
      priority: 'urgent',
      reason: 'chest pain',
    });
    expect(move).toMatchObject({
      priorityFrom: 'normal',
      priorityTo: 'urgent',
      fromPosition: 3000,
      toPosition: 3000,
    });
    // Among urgent patients the check-in order holds.
    expect(await waitingTokens()).toEqual(['K-003', 'K-004', 'K-001', 'K-002']);
    expect(moves(third!.id)).toEqual([
      {
        fromPosition: 3000,
        toPosition: 3000,
        priorityFrom: 'normal',
        priorityTo: 'urgent',
        reason: 'chest pain',
      },
    ]);
  });

  it('moves an entry up and down and records every move', async () => {
    const [first, , , fourth] = await checkIn(4);
    const up = await hub.call(world.reception, 'queue.move', {
      entryId: fourth!.id,
      toIndex: 1,
      reason: 'elderly',
    });
    expect(up).toMatchObject({ fromPosition: 4000, toPosition: 1500, reason: 'elderly' });
    expect(await waitingTokens()).toEqual(['K-001', 'K-004', 'K-002', 'K-003']);

    const down = await hub.call(world.reception, 'queue.move', { entryId: first!.id, toIndex: 3 });
    expect(down).toMatchObject({ fromPosition: 1000, toPosition: 4000 });
    expect(await waitingTokens()).toEqual(['K-004', 'K-002', 'K-003', 'K-001']);
    // A later check-in still goes to the end.
    await checkIn(1);
    expect(await waitingTokens()).toEqual(['K-004', 'K-002', 'K-003', 'K-001', 'K-005']);

    expect(moves(fourth!.id)).toHaveLength(1);
    expect(moves(first!.id)).toEqual([
      { fromPosition: 1000, toPosition: 4000, priorityFrom: 'normal', priorityTo: 'normal', reason: '' },
    ]);
    const mover = hub.db.sqlite.prepare('SELECT DISTINCT movedBy FROM queue_moves').all();
    expect(mover).toEqual([{ movedBy: expect.any(String) as string }]);
  });

  it('renumbers the day when the gap between two neighbours is used up', async () => {
    await checkIn(3);
    const expected = ['K-001', 'K-002', 'K-003'];
    for (let i = 0; i < 12; i++) {
      const last = expected.at(-1)!;
      const queue = await hub.call(world.reception, 'queue.list', { doctorId: world.doctor.id, date: TODAY });
      const entry = queue.waiting.find((w) => w.entry.token === last)!.entry;
      await hub.call(world.reception, 'queue.move', { entryId: entry.id, toIndex: 1 });
      expected.splice(expected.length - 1, 1);
      expected.splice(1, 0, last);
      expect(await waitingTokens()).toEqual(expected);
    }
    const positions = hub.db.sqlite.prepare('SELECT position FROM queue_entries ORDER BY position').all();
    expect(new Set(positions.map((p) => (p as { position: number }).position)).size).toBe(3);
  });

  it('keeps urgent patients ahead when moving, and moves only waiting patients', async () => {
    const [normal] = await checkIn(2);
    const [urgent] = await checkIn(1, 'urgent');
    await expect(
      hub.call(world.reception, 'queue.move', { entryId: normal!.id, toIndex: 0 }),
    ).rejects.toMatchObject({ error: { code: 'POLICY' } });
    await expect(
      hub.call(world.reception, 'queue.move', { entryId: urgent!.id, toIndex: 2 }),
    ).rejects.toMatchObject({ error: { code: 'POLICY' } });
    // Beyond the end means last.
    await hub.call(world.reception, 'queue.move', { entryId: normal!.id, toIndex: 99 });
    expect(await waitingTokens()).toEqual(['K-003', 'K-002', 'K-001']);

    await hub.call(world.doctorCaller, 'queue.callNext', { doctorId: world.doctor.id });
    await expect(
      hub.call(world.reception, 'queue.move', { entryId: urgent!.id, toIndex: 1 }),
    ).rejects.toMatchObject({
      error: { code: 'POLICY', message: expect.stringContaining('K-003') as string },
    });
  });
});
