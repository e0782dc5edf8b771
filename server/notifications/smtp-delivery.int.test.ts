import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { at, visitWorld } from '@server/testing/visit-world';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { EMAIL_NOT_SET_UP } from './delivery-policy';
import type { SmsGateway } from './sms-gateway';
import { type DeliveryOptions, DeliveryWorker } from './delivery-worker';
import {
  insertOutboxRow,
  outboxRow,
  type SmtpSink,
  startSmtpSink,
  useTestMailServer,
} from '@server/testing/delivery';

/**
 * The delivery worker against a real SMTP server in this process (smtp-server on 127.0.0.1),
 * on a real hub database with a movable clock: what the server receives is parsed with mailparser.
 */
describe('delivery worker: e-mail over SMTP', () => {
  let hub: TestHub;
  let sink: SmtpSink | null;
  let worker: DeliveryWorker | null;

  beforeEach(async () => {
    hub = await createTestHub();
    sink = null;
    worker = null;
  });
  afterEach(async () => {
    await worker?.stop();
    await sink?.close();
    hub.close();
  });

  function startWorker(options: DeliveryOptions = {}): DeliveryWorker {
    // A long poll: only commits (core.outbox.wake) and whenDrained move the worker in these tests.
    worker = new DeliveryWorker(hub.core, { pollMs: 60_000, ...options });
    worker.start();
    return worker;
  }

  const nowMs = () => hub.clock.now().getTime();

  it('sends an e-mail with its receipt PDF: recipient, subject, text and attachment as received', async () => {
    const world = await visitWorld(hub);
    const patient = await world.register({ fullName: 'Asha Rao', phone: '+91 98450 12345' });
    const appointment = await world.book(patient.id, '09:00');
    hub.clock.set(at('09:00'));
    const { billId } = await world.completeVisit(appointment.id);
    const paymentId = randomUUID();
    await hub.call(world.reception, 'billing.recordPayment', {
      id: paymentId,
      billId,
      amount: 50_000,
      mode: 'cash',
    });

    sink = await startSmtpSink();
    useTestMailServer(hub.db, sink.port);
    const row = insertOutboxRow(hub.db, {
      kind: 'payment_receipt',
      recipient: 'asha.rao@example.com',
      subject: 'Receipt R-1',
      body: 'Dear Asha Rao,\n\nWe received ₹500.00 on 23 Nov. Thank you.',
      aboutEntity: 'payments',
      aboutId: paymentId,
      attachment: 'receipt',
      patientId: patient.id,
      dueMs: nowMs(),
    });
    await startWorker().whenDrained();

    expect(sink.received).toHaveLength(1);
    const mail = sink.received[0]!;
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : null).toBe(
      'asha.rao@example.com',
    );
    expect(mail.from?.value[0]).toEqual({ name: 'Sunrise Clinic', address: 'care@sunrise-clinic.example' });
    expect(mail.subject).toBe('Receipt R-1');
    expect(mail.text?.trim()).toBe('Dear Asha Rao,\n\nWe received ₹500.00 on 23 Nov. Thank you.');
    expect(mail.messageId).toBe(`<${row.id}@sunrise-clinic.example>`);
    expect(mail.attachments).toHaveLength(1);
    const pdf = mail.attachments[0]!;
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const sent = outboxRow(hub.db, row.id);
    expect(sent).toMatchObject({ state: 'sent', attempts: 1, reason: null, leaseUntilMs: null });
    expect(sent.sentAt).not.toBeNull();
    expect(sent.providerMessageId).toBe(mail.messageId);
  }, 60_000);

  it('attaches the prescription of a consultation, and audits that it left the clinic', async () => {
    const world = await visitWorld(hub);
    const patient = await world.register({ fullName: 'Asha Rao', phone: '+91 98450 12345' });
    const appointment = await world.book(patient.id, '09:00');
    hub.clock.set(at('09:00'));
    const { consultationId } = await world.completeVisit(appointment.id);

    sink = await startSmtpSink();
    useTestMailServer(hub.db, sink.port);
    const row = insertOutboxRow(hub.db, {
      kind: 'prescription_ready',
      subject: 'Your prescription is ready',
      body: 'Dear Asha Rao,\n\nYour prescription is ready.',
      aboutEntity: 'consultations',
      aboutId: consultationId,
      attachment: 'prescription',
      patientId: patient.id,
      dueMs: nowMs(),
    });
    await startWorker().whenDrained();

    expect(sink.received).toHaveLength(1);
    const pdf = sink.received[0]!.attachments[0]!;
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The text of the e-mail itself carries no health details; only the opted-in PDF does.
    expect(sink.received[0]!.text).not.toContain('Paracetamol');
    expect(outboxRow(hub.db, row.id).state).toBe('sent');
    const audit = hub.db.first(
      hub.db.q.selectFrom('audit_log').selectAll().where('action', '=', 'consultations.prescriptionEmailed'),
    );
    expect(audit).toMatchObject({ kind: 'read', entityId: consultationId, patientId: patient.id });
  }, 60_000);

  it('retries after 421 with backoff (by the hub clock) and the message arrives exactly once', async () => {
    sink = await startSmtpSink({
      answer: (attempt) => (attempt === 1 ? { code: 421, message: 'Try again later, busy' } : 'accept'),
    });
    useTestMailServer(hub.db, sink.port);
    const row = insertOutboxRow(hub.db, { dueMs: nowMs() });
    const w = startWorker();
    await w.whenDrained();

    const waiting = outboxRow(hub.db, row.id);
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1, leaseUntilMs: null });
    expect(waiting.reason).toContain('421');
    // First retry: 30 s with jitter, i.e. between 15 and 30 s after the failure.
    expect(waiting.nextAttemptMs - nowMs()).toBeGreaterThanOrEqual(15_000);
    expect(waiting.nextAttemptMs - nowMs()).toBeLessThanOrEqual(30_000);
    expect(sink.received).toHaveLength(0);

    hub.clock.set(new Date(waiting.nextAttemptMs - 1).toISOString());
    await w.whenDrained();
    expect(sink.attempts).toHaveLength(1); // not due yet: nothing was tried

    hub.clock.set(new Date(waiting.nextAttemptMs).toISOString());
    await w.whenDrained();
    expect(sink.attempts).toHaveLength(2);
    expect(sink.received).toHaveLength(1);
    expect(outboxRow(hub.db, row.id)).toMatchObject({ state: 'sent', attempts: 2, reason: null });
  });

  it('fails at once on 550 with the server reason, and never tries again', async () => {
    sink = await startSmtpSink({ answer: () => ({ code: 550, message: 'No such user here' }) });
    useTestMailServer(hub.db, sink.port);
    const row = insertOutboxRow(hub.db, { dueMs: nowMs() });
    const w = startWorker();
    await w.whenDrained();

    const failed = outboxRow(hub.db, row.id);
    expect(failed).toMatchObject({ state: 'failed', attempts: 1, sentAt: null });
    expect(failed.reason).toMatch(/550.*No such user here/);
    hub.clock.advance(24 * 60);
    await w.whenDrained();
    expect(sink.attempts).toHaveLength(1);
  });

  it('gives up after the retry limit: temporary failures end as failed', async () => {
    sink = await startSmtpSink({ answer: () => ({ code: 451, message: 'Local error in processing' }) });
    useTestMailServer(hub.db, sink.port);
    const row = insertOutboxRow(hub.db, { dueMs: nowMs() });
    const w = startWorker({ retry: { baseMs: 1_000, capMs: 4_000, maxAttempts: 3 } });
    for (let attempt = 1; attempt <= 3; attempt++) {
      await w.whenDrained();
      hub.clock.advance(1);
    }
    await w.whenDrained();
    const failed = outboxRow(hub.db, row.id);
    expect(failed).toMatchObject({ state: 'failed', attempts: 3 });
    expect(failed.reason).toMatch(/451.*gave up after 3 attempts/);
    expect(sink.attempts).toHaveLength(3);
  });

  it('retries when the mail server cannot be reached (connection refused)', async () => {
    const closed = await startSmtpSink();
    const port = closed.port;
    await closed.close();
    useTestMailServer(hub.db, port);
    const row = insertOutboxRow(hub.db, { dueMs: nowMs() });
    await startWorker().whenDrained();
    const waiting = outboxRow(hub.db, row.id);
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1 });
    expect(waiting.reason).toMatch(/ECONNREFUSED|ECONNECTION|ESOCKET/);
  });

  it('fails an invalid address at once, without contacting the server', async () => {
    sink = await startSmtpSink();
    useTestMailServer(hub.db, sink.port);
    const row = insertOutboxRow(hub.db, { recipient: 'asha.rao at example', dueMs: nowMs() });
    await startWorker().whenDrained();
    expect(outboxRow(hub.db, row.id)).toMatchObject({ state: 'failed', attempts: 1 });
    expect(outboxRow(hub.db, row.id).reason).toContain('invalid e-mail address');
    expect(sink.attempts).toHaveLength(0);
  });

  it('skips e-mail while the clinic has no mail server, and sends SMS to the local outbox', async () => {
    const email = insertOutboxRow(hub.db, { dueMs: nowMs() });
    const body = 'Sunrise Clinic: appointment A-12 with Dr Kavita Menon confirmed for 24 Nov 10:00.';
    const sms = insertOutboxRow(hub.db, {
      channel: 'sms',
      recipient: '+91 98450 12345',
      subject: '',
      body,
      dueMs: nowMs(),
    });
    const hindi = insertOutboxRow(hub.db, {
      channel: 'sms',
      recipient: '+91 98450 12345',
      subject: '',
      body: 'सनराइज़ क्लिनिक: कल 10:00 बजे डॉ. मेनन के साथ आपकी मुलाक़ात है। कृपया समय पर आएँ। धन्यवाद।',
      dueMs: nowMs(),
    });
    await startWorker().whenDrained();

    expect(outboxRow(hub.db, email.id)).toMatchObject({
      state: 'skipped',
      reason: EMAIL_NOT_SET_UP,
      attempts: 0,
    });
    const kept = outboxRow(hub.db, sms.id);
    expect(kept).toMatchObject({ state: 'sent', body, segments: 1, attempts: 1 });
    expect(kept.providerMessageId).toBe(`local-outbox:${sms.id}`);
    // UCS-2: 70 characters fit one segment, 67 each when split.
    expect(outboxRow(hub.db, hindi.id)).toMatchObject({ state: 'sent', segments: 2 });
  });

  it('uses changed mail settings for the next message (the transport is rebuilt)', async () => {
    sink = await startSmtpSink();
    useTestMailServer(hub.db, sink.port);
    const w = startWorker();
    insertOutboxRow(hub.db, { dueMs: nowMs(), subject: 'To the first server' });
    await w.whenDrained();
    const second = await startSmtpSink();
    try {
      useTestMailServer(hub.db, second.port);
      insertOutboxRow(hub.db, { dueMs: nowMs(), subject: 'To the second server' });
      await w.whenDrained();
      expect(sink.received.map((mail) => mail.subject)).toEqual(['To the first server']);
      expect(second.received.map((mail) => mail.subject)).toEqual(['To the second server']);
    } finally {
      await w.stop();
      await second.close();
    }
  });

  it('sends SMS through an injected gateway, retrying what it refuses for now', async () => {
    const texts: string[] = [];
    let calls = 0;
    const provider: SmsGateway = {
      name: 'test-provider',
      send: (message) => {
        calls += 1;
        if (calls === 1)
          return Promise.resolve({ ok: false, permanent: false, error: 'HTTP 503 from provider' });
        texts.push(`${message.recipient}: ${message.body}`);
        return Promise.resolve({ ok: true, providerMessageId: `p-${calls}`, response: 'queued' });
      },
    };
    const row = insertOutboxRow(hub.db, {
      channel: 'sms',
      recipient: '+91 98450 12345',
      subject: '',
      body: 'Hello',
      dueMs: nowMs(),
    });
    const w = startWorker({ sms: provider });
    await w.whenDrained();
    expect(outboxRow(hub.db, row.id)).toMatchObject({
      state: 'pending',
      attempts: 1,
      reason: 'HTTP 503 from provider',
    });
    hub.clock.advance(1);
    await w.whenDrained();
    expect(outboxRow(hub.db, row.id)).toMatchObject({
      state: 'sent',
      attempts: 2,
      providerMessageId: 'p-2',
      segments: 1,
    });
    expect(texts).toEqual(['+91 98450 12345: Hello']);
  });

  it('wakes on a committed message (core.outbox.wake) without waiting for its poll', async () => {
    sink = await startSmtpSink();
    useTestMailServer(hub.db, sink.port);
    const w = startWorker();
    await w.whenDrained();
    insertOutboxRow(hub.db, { dueMs: nowMs() });
    hub.core.outbox.wake();
    await sink.until(() => sink!.received.length === 1, 'the woken message');
  });

  it('skips reminders whose appointment has started or is no longer booked; sends the others', async () => {
    sink = await startSmtpSink();
    useTestMailServer(hub.db, sink.port);
    const world = await visitWorld(hub);
    const patient = await world.register({ fullName: 'Asha Rao', phone: '+91 98450 12345' });
    const ahead = await world.book(patient.id, '15:00');
    const other = await world.register({ fullName: 'Ravi Kumar', phone: '+91 98450 54321' });
    const cancelled = await world.book(other.id, '16:00');
    await hub.call(world.reception, 'appointments.cancel', { id: cancelled.id, reason: 'Patient asked' });
    const reminder = (appointmentId: string) =>
      insertOutboxRow(hub.db, {
        kind: 'reminder',
        aboutEntity: 'appointments',
        aboutId: appointmentId,
        dedupeKey: `test-reminder:${appointmentId}:email`,
        dueMs: nowMs(),
      });
    const toSend = reminder(ahead.id);
    const toCancelled = reminder(cancelled.id);
    await startWorker().whenDrained();
    expect(outboxRow(hub.db, toSend.id).state).toBe('sent');
    expect(outboxRow(hub.db, toCancelled.id)).toMatchObject({
      state: 'skipped',
      reason: 'the appointment is cancelled',
    });
    expect(sink.received).toHaveLength(1);
  }, 60_000);
});
