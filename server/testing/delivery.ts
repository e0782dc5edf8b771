import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import type { Db } from '@server/db/database';
import type { NotificationTable } from '@server/db/care-tables';
import { writeSmtpSettings } from '@server/notifications/mail-settings.repository';

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
  extra: {
    username?: string;
    password?: string | null;
    enabled?: boolean;
    security?: 'starttls' | 'tls' | 'none';
  } = {},
): void {
  writeSmtpSettings(
    db,
    {
      enabled: extra.enabled ?? true,
      host: '127.0.0.1',
      port,
      security: extra.security ?? 'none',
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
  /** Those that came over TLS. */
  encrypted: string[];
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
    /** TLS: from the first byte (`secure`), or offered with STARTTLS. Without it: plain only. */
    tls?: { key: string; cert: string; secure: boolean };
  } = {},
): Promise<SmtpSink> {
  const received: ParsedMail[] = [];
  const attempts: string[] = [];
  const held: (() => void)[] = [];
  const encrypted: string[] = [];
  const checks = new Set<() => void>();
  const changed = () => {
    for (const check of [...checks]) check();
  };
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    ...(options.tls
      ? { secure: options.tls.secure, key: options.tls.key, cert: options.tls.cert }
      : { secure: false, disabledCommands: ['STARTTLS'] }),
    logger: false,
    closeTimeout: 200,
    ...(options.onAuth ? { onAuth: options.onAuth } : {}),
    onConnect: (_session, callback) => {
      setImmediate(changed);
      callback();
    },
    onClose: () => setImmediate(changed),
    onData(stream, session, callback) {
      void simpleParser(stream).then((mail) => {
        const messageId = mail.messageId ?? '';
        attempts.push(messageId);
        if (session.secure) encrypted.push(messageId);
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
    encrypted,
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

/**
 * A self-signed certificate for 127.0.0.1 made now with the openssl command (node:crypto cannot
 * write X.509 certificates); the test trusts it as the clinic would trust its own CA.
 */
export function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-tls-'));
  try {
    const result = spawnSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(`openssl failed: ${result.stderr}`);
    return {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Polls a condition on the database (a row's state) until it holds; bounded, never a fixed sleep. */
export async function waitFor(predicate: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
