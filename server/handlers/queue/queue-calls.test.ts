import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '@shared/contract/events.contract';
import type { QueueEntry } from '@shared/domain/queue.schema';
import { type Caller, createDispatcher } from '@server/core/dispatcher';
import { handler } from '@server/core/handler';
import { handlers } from '@server/handlers/registry';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import {
  assignRoom,
  at,
  insertAppointment,
  type QueueWorld,
  queueWorld,
  TODAY,
} from '@server/testing/queue-fixtures';
import { finishQueueEntry } from './queue-finish';
import { getEntry } from './queue.repository';

let hub: TestHub;
let world: QueueWorld;

beforeEach(async () => {
  hub = await createTestHub({ now: at('09:00') });
  world = await queueWorld(hub);
});
afterEach(() => hub.close());

async function checkIn(times: string[]): Promise<QueueEntry[]> {
  const entries: QueueEntry[] = [];
  for (const time of times) {
    const appointmentId = insertAppointment(hub.db, { doctorId: world.doctor.id, time });
    entries.push(await hub.call(world.reception, 'queue.checkIn', { appointmentId }));
  }
  return entries;
}

const callNext = () => hub.call(world.doctorCaller, 'queue.callNext', { doctorId: world.doctor.id });
const list = () => hub.call(world.reception, 'queue.list', { doctorId: world.doctor.id, date: TODAY });

/** The consultations area finishes visits; here a stand-in operation runs finishQueueEntry in a real transaction. */
function finisher(): (caller: Caller, entryId: string) => Promise<unknown> {
  const dispatcher = createDispatcher(hub.core, {
    ...handlers,
    'queue.recall': handler('queue.recall', {
      run: (input, ctx) => {
        finishQueueEntry(ctx, getEntry(ctx.db, input.id).appointmentId);
        return getEntry(ctx.db, input.id);
      },
    }),
  });
  return (caller, id) => dispatcher.call('queue.recall', { id }, caller);
}

describe('calling patients in', () => {
  it('calls the next patient and announces the token with the room', async () => {
    const room = assignRoom(hub.db, world.doctor.id);
    await checkIn(['09:00', '09:30']);
    const called: EventPayload<'queue.called'>[] = [];
    const changed: EventPayload<'queue.changed'>[] = [];
    hub.core.events.on('queue.called', (p) => called.push(p));
    hub.core.events.on('queue.changed', (p) => changed.push(p));

    hub.clock.set(at('09:05'));
    const entry = await callNext();
    expect(entry).toMatchObject({ token: 'K-001', state: 'called', calledAt: at('09:05') });
    expect(called).toEqual([
      { doctorId: world.doctor.id, token: 'K-001', roomName: room, calledAt: at('09:05') },
    ]);
    expect(changed).toEqual([{ doctorId: world.doctor.id, clinicDate: TODAY }]);

    hub.clock.set(at('09:07'));
    const recalled = await hub.call(world.doctorCaller, 'queue.recall', { id: entry!.id });
    expect(recalled.token).toBe('K-001');
    expect(called.at(-1)).toEqual({
      doctorId: world.doctor.id,
      token: 'K-001',
      roomName: room,
      calledAt: at('09:07'),
    });
  });

  it('leaves a called patient who did not come in called and calls the next one', async () => {
    const [first, second] = await checkIn(['09:00', '09:30', '10:00']);
    await callNext();
    hub.clock.advance(3);
    await callNext();
    const queue = await list();
    expect(queue.current?.id).toBe(second!.id);
    // The earlier called patient is still expected and comes first among those waiting.
    expect(queue.waiting.map((w) => [w.entry.token, w.entry.state])).toEqual([
      ['K-001', 'called'],
      ['K-003', 'waiting'],
    ]);
    const started = await hub.call(world.doctorCaller, 'queue.startConsultation', { id: first!.id });
    expect(started).toMatchObject({ state: 'in_consultation', consultationStartedAt: at('09:03') });
  });

  it('refuses to call while a patient is in consultation, and returns null when nobody waits', async () => {
    const [first] = await checkIn(['09:00', '09:30']);
    await callNext();
    await hub.call(world.doctorCaller, 'queue.startConsultation', { id: first!.id });
    await expect(callNext()).rejects.toMatchObject({
      error: {
        code: 'POLICY',
        message: expect.stringContaining('finish the current consultation first') as string,
      },
    });
    await expect(
      hub.call(world.doctorCaller, 'queue.startConsultation', { id: first!.id }),
    ).rejects.toMatchObject({ error: { code: 'INVALID_TRANSITION' } });

    await finisher()(world.doctorCaller, first!.id);
    expect(await callNext()).toMatchObject({ token: 'K-002' });
    const second = (await list()).current!;
    await hub.call(world.doctorCaller, 'queue.startConsultation', { id: second.id });
    await finisher()(world.doctorCaller, second.id);
    expect(await callNext()).toBeNull();
    const queue = await list();
    expect(queue.current).toBeNull();
    expect(queue.done.map((e) => [e.token, e.state])).toEqual([
      ['K-001', 'done'],
      ['K-002', 'done'],
    ]);
  });

  it('lets a doctor call only their own queue', async () => {
    const other = await hub.signIn('doctor');
    await checkIn(['09:00']);
    await expect(hub.call(other, 'queue.callNext', { doctorId: world.doctor.id })).rejects.toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
  });

  it('learns the average consultation length from finished consultations', async () => {
    const finish = finisher();
    const entries = await checkIn(['09:00', '09:30', '10:00', '10:30', '11:00']);
    expect((await list()).averageConsultationMinutes).toBe(30);
    const changed: EventPayload<'queue.changed'>[] = [];
    hub.core.events.on('queue.changed', (p) => changed.push(p));

    for (const [i, minutes] of [20, 25, 15].entries()) {
      await callNext();
      await hub.call(world.doctorCaller, 'queue.startConsultation', { id: entries[i]!.id });
      hub.clock.advance(minutes);
      await finish(world.doctorCaller, entries[i]!.id);
    }
    expect(changed).toHaveLength(9);
    const queue = await list();
    expect(queue.averageConsultationMinutes).toBe(20);
    expect(queue.done.map((e) => e.token)).toEqual(['K-001', 'K-002', 'K-003']);
    expect(queue.done[0]!.finishedAt).toBe(new Date(Date.parse(at('09:00')) + 20 * 60_000).toISOString());
    // Nobody in consultation: the next waits nothing, the one after one average.
    expect(queue.waiting.map((w) => w.estimatedWaitMinutes)).toEqual([0, 20]);
  });
});
