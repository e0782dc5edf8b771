import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningHub, startHub } from '@server/hub/hub-server';
import {
  insertOutboxRow,
  outboxRow,
  type SmtpSink,
  startSmtpSink,
  useTestMailServer,
} from '@server/testing/delivery';
import { failureOf } from '@server/testing/failure';
import { createTestHub, TEST_PASSWORD, type TestHub } from '@server/testing/test-hub';

describe('messages.sendTestEmail', () => {
  let hub: TestHub;
  let sink: SmtpSink;

  beforeEach(async () => {
    hub = await createTestHub();
  });
  afterEach(async () => {
    await sink?.close();
    hub.close();
  });

  it('sends through the configured server now and answers what the server said; audited', async () => {
    sink = await startSmtpSink();
    // Not enabled yet: an admin tries the server before switching e-mail on.
    useTestMailServer(hub.db, sink.port, { enabled: false });
    const answer = await hub.call(hub.admin, 'messages.sendTestEmail', {
      to: 'admin@sunrise-clinic.example',
    });
    expect(answer.accepted).toBe(true);
    expect(answer.response).toMatch(/^250 /);
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0]!.subject).toBe('Test e-mail from Sunrise Clinic');
    const to = sink.received[0]!.to;
    expect(to && !Array.isArray(to) ? to.text : '').toBe('admin@sunrise-clinic.example');
    const audit = hub.db.first(
      hub.db.q.selectFrom('audit_log').selectAll().where('action', '=', 'messages.sendTestEmail'),
    );
    expect(JSON.parse(audit!.details)).toMatchObject({ to: 'admin@sunrise-clinic.example', accepted: true });
  });

  it("answers the server's refusal", async () => {
    sink = await startSmtpSink({ answer: () => ({ code: 550, message: 'Relaying denied' }) });
    useTestMailServer(hub.db, sink.port);
    const answer = await hub.call(hub.admin, 'messages.sendTestEmail', {
      to: 'admin@sunrise-clinic.example',
    });
    expect(answer).toEqual({
      accepted: false,
      response: expect.stringMatching(/550 Relaying denied/) as string,
    });
  });

  it('says so when no mail server is set, and is for admins only', async () => {
    const answer = await hub.call(hub.admin, 'messages.sendTestEmail', {
      to: 'admin@sunrise-clinic.example',
    });
    expect(answer.accepted).toBe(false);
    expect(answer.response).toContain('No mail server is set');
    const reception = await hub.signIn('receptionist');
    const refused = await failureOf(
      hub.call(reception, 'messages.sendTestEmail', { to: 'admin@sunrise-clinic.example' }),
    );
    expect(refused.code).toBe('FORBIDDEN');
  });
});

describe('the SMTP password', () => {
  const PASSWORD = 'Tr0ub4dor&3-smtp-secret';
  let dir: string;
  let running: RunningHub | null = null;
  let sink: SmtpSink | null = null;

  afterEach(async () => {
    await running?.stop();
    await sink?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('never appears in the hub log, in an answer, in the outbox or in the audit log', async () => {
    dir = mkdtempSync(join(tmpdir(), 'clinic-smtp-password-'));
    const lines: string[] = [];
    const logger = pino({ level: 'trace' }, { write: (line: string) => void lines.push(line) });
    let refuse = false;
    sink = await startSmtpSink({
      onAuth: (auth, _session, callback) => {
        // A careless server that echoes the password in its refusal (535): the hub must not pass it on.
        if (refuse || auth.password !== PASSWORD)
          callback(new Error(`Bad credentials ${auth.username}/${auth.password}`));
        else callback(null, { user: auth.username });
      },
    });
    running = await startHub({
      dataDir: dir,
      port: 0,
      host: '127.0.0.1',
      mdns: false,
      logger,
      delivery: { pollMs: 60_000 },
    });
    const { core, dispatcher } = running;
    const caller = { token: null, deviceId: 'admin-desktop' };
    const session = (await dispatcher.call(
      'auth.setup',
      {
        settings: { clinicName: 'Sunrise Clinic', timeZone: 'Asia/Kolkata' },
        admin: { username: 'admin', displayName: 'Anita Admin', password: TEST_PASSWORD },
        deviceId: 'admin-desktop',
      },
      caller,
    )) as { token: string };
    const admin = { token: session.token, deviceId: 'admin-desktop' };
    const answers: unknown[] = [];

    // Accepted with the right password: by the worker and by the test button.
    useTestMailServer(core.db, sink.port, { username: 'clinic', password: PASSWORD });
    const sent = insertOutboxRow(core.db);
    core.outbox.wake();
    await running.delivery!.whenDrained();
    expect(outboxRow(core.db, sent.id).state).toBe('sent');
    answers.push(await dispatcher.call('messages.sendTestEmail', { to: 'admin@example.com' }, admin));
    expect(answers[0]).toMatchObject({ accepted: true });

    // Refused, the server echoing the password: the worker's retry reason, its log and the answer.
    refuse = true;
    useTestMailServer(core.db, sink.port, { username: 'clinic-2', password: PASSWORD });
    const refused = insertOutboxRow(core.db);
    core.outbox.wake();
    await running.delivery!.whenDrained();
    const row = outboxRow(core.db, refused.id);
    expect(row).toMatchObject({ state: 'pending', attempts: 1 });
    expect(row.reason).toContain('Bad credentials clinic-2/***');
    answers.push(await dispatcher.call('messages.sendTestEmail', { to: 'admin@example.com' }, admin));
    expect(answers[1]).toMatchObject({ accepted: false, response: expect.stringContaining('***') as string });

    const outbox = core.db.all(core.db.q.selectFrom('notifications').selectAll());
    const audit = core.db.all(core.db.q.selectFrom('audit_log').selectAll());
    await running.stop();
    running = null;
    expect(lines.join('\n')).toContain('Bad credentials clinic-2/***'); // the failure was logged…
    for (const [where, text] of [
      ['log', lines.join('\n')],
      ['answers', JSON.stringify(answers)],
      ['outbox', JSON.stringify(outbox)],
      ['audit', JSON.stringify(audit)],
    ] as const) {
      expect(text, where).not.toContain(PASSWORD); // …without the password
    }
  }, 60_000);
});
