import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { DeliveryWorker } from './delivery-worker';
import {
  insertOutboxRow,
  outboxRow,
  type SmtpSink,
  startSmtpSink,
  useTestMailServer,
  waitFor,
} from '@server/testing/delivery';

/** The worker's own bookkeeping: stopping with sends in flight, and leases that run out. */
describe('delivery worker: stopping', () => {
  let hub: TestHub;
  let sink: SmtpSink;

  beforeEach(async () => {
    hub = await createTestHub();
  });
  afterEach(async () => {
    await sink.close();
    hub.close();
  });

  it('waits for a send in flight and records its outcome before it ends', async () => {
    sink = await startSmtpSink({ answer: () => 'hold' });
    useTestMailServer(hub.db, sink.port);
    const row = insertOutboxRow(hub.db, { dueMs: hub.clock.now().getTime() });
    const worker = new DeliveryWorker(hub.core, { pollMs: 60_000 });
    worker.start();
    await sink.until(() => sink.attempts.length === 1, 'the message in DATA');
    let stopped = false;
    const stopping = worker.stop().then(() => (stopped = true));
    expect(stopped).toBe(false);
    sink.releaseHeld();
    await stopping;
    expect(outboxRow(hub.db, row.id)).toMatchObject({ state: 'sent', attempts: 1, leaseUntilMs: null });
  });

  it('waits no longer than its limit; the unfinished message stays pending for the next start', async () => {
    sink = await startSmtpSink({ answer: () => 'hold' });
    useTestMailServer(hub.db, sink.port);
    const row = insertOutboxRow(hub.db, { dueMs: hub.clock.now().getTime() });
    const worker = new DeliveryWorker(hub.core, { pollMs: 60_000, stopTimeoutMs: 100 });
    worker.start();
    await sink.until(() => sink.attempts.length === 1, 'the message in DATA');
    await worker.stop();
    const left = outboxRow(hub.db, row.id);
    expect(left).toMatchObject({ state: 'pending', attempts: 0 });
    expect(left.leaseUntilMs).not.toBeNull();

    const next = new DeliveryWorker(hub.core, { pollMs: 60_000 });
    next.start();
    expect(outboxRow(hub.db, row.id).leaseUntilMs).toBeNull();
    await next.stop();
  });
});

describe('delivery worker: leases', () => {
  let hub: TestHub;
  let sink: SmtpSink;

  beforeEach(async () => {
    hub = await createTestHub();
  });
  afterEach(async () => {
    await sink.close();
    hub.close();
  });

  it('a lease that runs out while the message is still being sent never sends it twice', async () => {
    sink = await startSmtpSink({ answer: (attempt) => (attempt === 1 ? 'hold' : 'accept') });
    useTestMailServer(hub.db, sink.port);
    const slow = insertOutboxRow(hub.db, { dueMs: hub.clock.now().getTime(), subject: 'Slow' });
    const worker = new DeliveryWorker(hub.core, { pollMs: 60_000, leaseMs: 1_000 });
    worker.start();
    await sink.until(() => sink.attempts.length === 1, 'the message held in DATA');

    // Its lease runs out while the server still has not answered, and a claim takes it again.
    hub.clock.advance(1);
    const reclaimedUntil = hub.clock.now().getTime() + 1_000;
    const other = insertOutboxRow(hub.db, { dueMs: hub.clock.now().getTime(), subject: 'Other' });
    worker.wake();
    await waitFor(() => outboxRow(hub.db, slow.id).leaseUntilMs === reclaimedUntil, 'the row claimed again');
    await sink.until(() => sink.received.length === 1, 'the other message');
    sink.releaseHeld();
    await worker.whenDrained();
    await worker.stop();

    expect(sink.received.map((mail) => mail.subject).sort()).toEqual(['Other', 'Slow']);
    expect(sink.attempts).toHaveLength(2);
    expect(outboxRow(hub.db, slow.id)).toMatchObject({ state: 'sent', attempts: 1 });
    expect(outboxRow(hub.db, other.id)).toMatchObject({ state: 'sent', attempts: 1 });
  });
});
