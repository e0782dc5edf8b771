import { randomUUID } from 'node:crypto';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import type { Db } from '@server/db/database';
import type { NotificationTable } from '@server/db/care-tables';
import { writeSmtpSettings } from './mail-settings.repository';

/**
 * Test support for delivery: outbox rows written as the message planner writes them, and a real
 * SMTP server (smtp-server on 127.0.0.1, port 0) whose answer to each message the test decides.
 */

export function insertOutboxRow(db: Db, overrides: Partial<NotificationTable> = {}): NotificationTable {
  const now = overrides.createdAt ?? new Date().toISOString();
  const dueMs = overrides.dueMs ?? Date.parse(now);
  const row: NotificationTable = {
    id: randomUUID(),
    dedupeKey: `test:${randomUUID()}`,
    patientId: null,
    kind: 'booking_confirmation',
    channel: 'email',
    language: 'en',
    recipient: 'asha.rao@example.com',
    aboutEntity: null,
    aboutId: null,
    params: '{}',
    subject: 'Appointment confirmed: 24 Nov at 10:00',
    body: 'Dear Asha Rao,\n\nYour appointment A-12 with Dr Kavita Menon is confirmed for 24 Nov at 10:00.',
    segments: null,
    attachment: null,
    state: 'pending',
    reason: null,
    attempts: 0,
    dueMs,
    nextAttemptMs: overrides.nextAttemptMs ?? dueMs,
    leaseUntilMs: null,
    providerMessageId: null,
    createdAt: now,
    updatedAt: now,
    sentAt: null,
    readAt: null,
    ...overrides,
  };
  db.run(db.q.insertInto('notifications').values(row));
  return row;
}

export function outboxRow(db: Db, id: string): NotificationTable {
  const row = db.first(db.q.selectFrom('notifications').selectAll().where('id', '=', id));
  if (!row) throw new Error(`no outbox row ${id}`);
  return row;
}

/** Points the clinic's mail settings at the test server (plain SMTP on 127.0.0.1). */
export function useTestMailServer(
  db: Db,
  port: number,
  extra: { username?: string; password?: string | null; enabled?: boolean } = {},
): void {
  writeSmtpSettings(
    db,
    {
      enabled: extra.enabled ?? true,
      host: '127.0.0.1',
      port,
      security: 'none',
      username: extra.username ?? '',
      password: extra.password ?? null,
      fromAddress: 'care@sunrise-clinic.example',
      fromName: 'Sunrise Clinic',
    },
    new Date().toISOString(),
  );
}

/** What the test server does with one message (DATA): accept, refuse with a reply, or never answer. */
export type SinkAnswer = 'accept' | 'hold' | { code: number; message: string };

export interface SmtpSink {
  port: number;
  /** Messages accepted (250), parsed. */
  received: ParsedMail[];
  /** Every DATA the server got, accepted or not, by Message-ID. */
  attempts: string[];
  /** Connections open now. */
  connections(): number;
  /** Accepts the messages held so far (their DATA is answered 250 now). */
  releaseHeld(): void;
  /** Resolves when `predicate` holds, checked after every event of the server (bounded). */
  until(predicate: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startSmtpSink(
  options: {
    answer?: (attempt: number, messageId: string) => SinkAnswer;
    onAuth?: SMTPServerOptions['onAuth'];
  } = {},
): Promise<SmtpSink> {
  const received: ParsedMail[] = [];
  const attempts: string[] = [];
  const held: (() => void)[] = [];
  const checks = new Set<() => void>();
  const changed = () => {
    for (const check of [...checks]) check();
  };
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 200,
    ...(options.onAuth ? { onAuth: options.onAuth } : {}),
    onConnect: (_session, callback) => {
      setImmediate(changed);
      callback();
    },
    onClose: () => setImmediate(changed),
    onData(stream, _session, callback) {
      void simpleParser(stream).then((mail) => {
        const messageId = mail.messageId ?? '';
        attempts.push(messageId);
        const answer = options.answer?.(attempts.length, messageId) ?? 'accept';
        if (answer === 'accept') {
          received.push(mail);
          callback();
        } else if (answer === 'hold') {
          held.push(() => {
            received.push(mail);
            callback();
          });
        } else {
          callback(Object.assign(new Error(answer.message), { responseCode: answer.code }));
        }
        changed();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  let open = 0;
  server.server.on('connection', (socket) => {
    open += 1;
    socket.once('close', () => {
      open -= 1;
      changed();
    });
  });
  return {
    port,
    received,
    attempts,
    connections: () => open,
    releaseHeld: () => {
      for (const release of held.splice(0)) release();
      changed();
    },
    until(predicate, what, timeoutMs = 20_000) {
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          checks.delete(check);
          reject(new Error(`timed out waiting for ${what}`));
        }, timeoutMs);
        const check = () => {
          if (!predicate()) return;
          clearTimeout(timer);
          checks.delete(check);
          resolve();
        };
        checks.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Polls a condition on the database (a row's state) until it holds; bounded, never a fixed sleep. */
export async function waitFor(predicate: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
