import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { DeliveryWorker } from './delivery-worker';
import {
  insertOutboxRow,
  outboxRow,
  selfSignedCertificate,
  type SmtpSink,
  startSmtpSink,
  useTestMailServer,
} from '@server/testing/delivery';

describe('delivery worker: TLS to the mail server', () => {
  let hub: TestHub;
  let sink: SmtpSink;
  const certificate = selfSignedCertificate();

  beforeEach(async () => {
    hub = await createTestHub();
  });
  afterEach(async () => {
    await sink.close();
    hub.close();
  });

  async function sendOne(security: 'starttls' | 'tls') {
    useTestMailServer(hub.db, sink.port, { security });
    const row = insertOutboxRow(hub.db, { dueMs: hub.clock.now().getTime() });
    const worker = new DeliveryWorker(hub.core, { pollMs: 60_000, smtp: { tls: { ca: certificate.cert } } });
    worker.start();
    await worker.whenDrained();
    await worker.stop();
    return outboxRow(hub.db, row.id);
  }

  it('upgrades with STARTTLS when the settings say starttls', async () => {
    sink = await startSmtpSink({ tls: { ...certificate, secure: false } });
    const row = await sendOne('starttls');
    expect(row.state).toBe('sent');
    expect(sink.encrypted).toEqual([`<${row.id}@sunrise-clinic.example>`]);
  });

  it('speaks TLS from the first byte when the settings say tls', async () => {
    sink = await startSmtpSink({ tls: { ...certificate, secure: true } });
    const row = await sendOne('tls');
    expect(row.state).toBe('sent');
    expect(sink.encrypted).toHaveLength(1);
  });

  it('never falls back to plain text: starttls against a server without it is retried, not sent', async () => {
    sink = await startSmtpSink();
    const row = await sendOne('starttls');
    expect(row).toMatchObject({ state: 'pending', attempts: 1 });
    expect(row.reason).toContain('mail server settings');
    expect(sink.attempts).toHaveLength(0);
  });
});
