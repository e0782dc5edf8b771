import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '@server/core/clock';
import { openDatabase } from '@server/db/database';
import { databaseFile } from '@server/hub/data-dir';
import { type RunningHub, startHub } from '@server/hub/hub-server';
import { insertAppointmentRow, insertDoctor, insertPatient } from '@server/testing/fixtures';
import {
  insertOutboxRow,
  outboxRow,
  type SmtpSink,
  startSmtpSink,
  useTestMailServer,
  waitFor,
} from '@server/testing/delivery';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const dirs: string[] = [];
const children: ChildProcess[] = [];
const hubs: RunningHub[] = [];
const sinks: SmtpSink[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const hub of hubs.splice(0)) await hub.stop();
  for (const sink of sinks.splice(0)) await sink.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-delivery-'));
  dirs.push(dir);
  return dir;
}

/** The real headless hub (`npm run hub`) as a child process, mDNS off; resolves once it listens. */
async function spawnHub(dataDir: string): Promise<{ child: ChildProcess; exited: Promise<unknown> }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/hub.ts',
      '--data-dir',
      dataDir,
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--no-mdns',
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.push(child);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      if (buffered.includes('LAN sync listening')) resolve();
    });
    void exited.then(() => reject(new Error('the hub exited before listening')));
  });
  return { child, exited };
}

describe('delivery across hub restarts', () => {
  it('a hub killed while sending loses no message and sends none twice', async () => {
    // While the first hub runs, the mail server reads each message but never answers its DATA:
    // nothing in flight was accepted when the hub is killed, so "exactly once" is decidable. (A
    // server that accepted a message whose 250 the dying hub never recorded would get it again:
    // SMTP delivery is at least once; the stable Message-ID lets the receiver spot that.)
    let holding = true;
    const sink = await startSmtpSink({ answer: () => (holding ? 'hold' : 'accept') });
    sinks.push(sink);
    const dataDir = tempDir();
    const db = openDatabase(databaseFile(dataDir));
    useTestMailServer(db, sink.port);
    const ids = Array.from(
      { length: 6 },
      (_, i) => insertOutboxRow(db, { recipient: `patient${i}@example.com`, subject: `Message ${i}` }).id,
    );
    db.close();

    const first = await spawnHub(dataDir);
    // The default e-mail concurrency (4): four messages are in DATA, the others claimed and queued.
    await sink.until(() => sink.attempts.length === 4, 'four messages held in DATA');
    first.child.kill('SIGKILL');
    await first.exited;

    const afterKill = openDatabase(databaseFile(dataDir), { readonly: true });
    const rows = ids.map((id) => outboxRow(afterKill, id));
    afterKill.close();
    expect(rows.every((row) => row.state === 'pending' && row.attempts === 0)).toBe(true);
    // Still leased for minutes by the killed hub: only clearing the leases on start sends them now.
    expect(rows.filter((row) => row.leaseUntilMs !== null && row.leaseUntilMs > Date.now())).toHaveLength(6);
    expect(sink.received).toHaveLength(0);

    holding = false;
    const second = await spawnHub(dataDir);
    const check = openDatabase(databaseFile(dataDir), { readonly: true });
    try {
      await waitFor(() => ids.every((id) => outboxRow(check, id).state === 'sent'), 'every message sent');
    } finally {
      check.close();
    }
    second.child.kill('SIGTERM');
    await second.exited;

    const subjects = sink.received.map((mail) => mail.subject).sort();
    expect(subjects).toEqual(ids.map((_, i) => `Message ${i}`).sort());
    const messageIds = new Set(sink.received.map((mail) => mail.messageId));
    expect(messageIds.size).toBe(6);
  }, 120_000);

  it('after an outage, a reminder still ahead is sent once on start and a missed one is skipped', async () => {
    const sink = await startSmtpSink();
    sinks.push(sink);
    const dataDir = tempDir();
    const clock = fixedClock('2026-11-23T12:00:00.000Z');
    const silent = pino({ level: 'silent' });
    // The hub's data directory as it was left: reminders fell due yesterday evening while it was down.
    const db = openDatabase(databaseFile(dataDir));
    useTestMailServer(db, sink.port);
    const doctor = insertDoctor(db);
    const patient = insertPatient(db);
    const later = insertAppointmentRow(db, {
      doctorId: doctor.id,
      patientId: patient.id,
      startsAt: '2026-11-23T13:00:00.000Z',
    });
    const earlier = insertAppointmentRow(db, {
      doctorId: doctor.id,
      patientId: patient.id,
      startsAt: '2026-11-23T05:00:00.000Z',
    });
    const dueMs = Date.parse('2026-11-22T12:30:00.000Z');
    const reminder = (appointmentId: string) =>
      insertOutboxRow(db, {
        kind: 'reminder',
        aboutEntity: 'appointments',
        aboutId: appointmentId,
        dedupeKey: `reminder:${appointmentId}:email`,
        dueMs,
        createdAt: '2026-11-20T09:00:00.000Z',
      }).id;
    const ahead = reminder(later);
    const missed = reminder(earlier);
    db.close();

    const hub = await startHub({
      dataDir,
      port: 0,
      host: '127.0.0.1',
      mdns: false,
      logger: silent,
      clock,
      delivery: { pollMs: 60_000 },
    });
    hubs.push(hub);
    await hub.delivery!.whenDrained();

    expect(outboxRow(hub.core.db, ahead)).toMatchObject({ state: 'sent', attempts: 1 });
    expect(outboxRow(hub.core.db, missed)).toMatchObject({
      state: 'skipped',
      reason: 'the appointment had already started when the reminder was due to go out',
      attempts: 0,
    });
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0]!.messageId).toBe(`<${ahead}@sunrise-clinic.example>`);

    // Started again: nothing is sent a second time.
    await hub.stop();
    hubs.splice(0);
    const again = await startHub({ dataDir, port: 0, host: '127.0.0.1', mdns: false, logger: silent, clock });
    hubs.push(again);
    await again.delivery!.whenDrained();
    expect(sink.attempts).toHaveLength(1);
  }, 60_000);
});
