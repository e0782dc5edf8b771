import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { ResultOf } from '@shared/contract/index';
import type { Caller } from '@server/core/dispatcher';
import { TEST_PASSWORD } from '@server/testing/test-hub';
import { auditAnchorFile, databaseFile } from './data-dir';
import { type RunningHub, startHub } from './hub-server';
import { backupDataDir, restoreDataDir } from './maintenance';

const dirs: string[] = [];
const hubs: RunningHub[] = [];
afterEach(async () => {
  for (const hub of hubs.splice(0)) await hub.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-audit-anchor-'));
  dirs.push(dir);
  return dir;
}

interface Hub {
  hub: RunningHub;
  errors: string[];
  /** The background check of the whole chain started with the hub has finished. */
  settled(): Promise<void>;
}

async function start(dataDir: string): Promise<Hub> {
  const errors: string[] = [];
  const logger = pino(
    { level: 'info' },
    {
      write: (line: string) => {
        const entry = JSON.parse(line) as { level: number; msg: string };
        if (entry.level >= 50) errors.push(entry.msg);
      },
    },
  );
  const hub = await startHub({ dataDir, port: 0, host: '127.0.0.1', mdns: false, logger });
  hubs.push(hub);
  return { hub, errors, settled: () => hub.core.auditGuard!.settled() };
}

async function stop(hub: Hub): Promise<void> {
  await hub.hub.stop();
  hubs.splice(hubs.indexOf(hub.hub), 1);
}

async function adminOf(hub: RunningHub): Promise<Caller> {
  const session = await hub.dispatcher.call(
    'auth.setup',
    {
      settings: { clinicName: 'Sunrise Clinic', timeZone: 'Asia/Kolkata' },
      admin: { username: 'admin', displayName: 'Anita Admin', password: TEST_PASSWORD },
      deviceId: 'admin-pc',
    },
    { token: null, deviceId: 'admin-pc' },
  );
  return { token: (session as ResultOf<'auth.setup'>).token, deviceId: 'admin-pc' };
}

async function signIn(hub: RunningHub): Promise<Caller> {
  const session = await hub.dispatcher.call(
    'auth.login',
    { username: 'admin', password: TEST_PASSWORD, deviceId: 'admin-pc' },
    { token: null, deviceId: 'admin-pc' },
  );
  return { token: (session as ResultOf<'auth.login'>).token, deviceId: 'admin-pc' };
}

/** A set-up hub with `count` audit entries in all, stopped (anchored on stop). */
async function hubWithEntries(count: number): Promise<string> {
  const dataDir = tempDir();
  const first = await start(dataDir);
  await adminOf(first.hub);
  const { core } = first.hub;
  for (let seq = core.audit.last().seq + 1; seq <= count; seq++) {
    await core.writes.run(() =>
      core.db.transaction(() =>
        core.audit.append({
          at: new Date().toISOString(),
          actorUserId: null,
          actorRole: null,
          deviceId: 'admin-pc',
          kind: 'read',
          action: 'patients.get',
          entity: 'patients',
          entityId: `p${seq}`,
          patientId: null,
          details: { n: seq },
        }),
      ),
    );
  }
  await stop(first);
  return dataDir;
}

/** Edits the stopped hub's database as an attacker with the file would (no audit key). */
function tamper(dataDir: string, sql: string): void {
  const db = new BetterSqlite3(databaseFile(dataDir));
  db.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;');
  db.exec(sql);
  // The head stored inside the database is made to agree, and the guard triggers put back.
  db.exec(`
    INSERT OR REPLACE INTO hub_meta (key, value)
      SELECT 'audit_head', seq || ':' || hash FROM audit_log ORDER BY seq DESC LIMIT 1;
    DELETE FROM hub_meta WHERE key = 'audit_head' AND NOT EXISTS (SELECT 1 FROM audit_log);
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  `);
  db.close();
}

/** What the admin is told at the next start, after a sign-in, and again after a restart. */
async function expectAlarm(dataDir: string, firstBadSeq: number, problem: RegExp): Promise<void> {
  const hub = await start(dataDir);
  await hub.settled();
  const admin = await signIn(hub.hub);
  const status = (await hub.hub.dispatcher.call('audit.status', {}, admin)) as ResultOf<'audit.status'>;
  expect(status.alarm).toMatchObject({ firstBadSeq, problem: expect.stringMatching(problem) as string });
  expect(status.lastCheck).toMatchObject({ kind: 'start' });
  const verdict = (await hub.hub.dispatcher.call('audit.verify', {}, admin)) as ResultOf<'audit.verify'>;
  expect(verdict).toMatchObject({
    ok: false,
    firstBadSeq,
    problem: expect.stringMatching(problem) as string,
  });
  expect(hub.errors.some((msg) => msg.startsWith('AUDIT LOG TAMPERED'))).toBe(true);
  await stop(hub);

  // The sign-in re-anchored the (damaged) chain, but the alarm stays.
  const again = await start(dataDir);
  await again.settled();
  expect(again.hub.core.auditGuard!.status().alarm).toMatchObject({ firstBadSeq });
  expect(again.hub.core.audit.verify()).toMatchObject({ ok: false, firstBadSeq });
}

describe('the audit chain anchored outside the database', () => {
  it('is intact across restarts and answers ok', async () => {
    const dataDir = await hubWithEntries(40);
    const hub = await start(dataDir);
    await hub.settled();
    const admin = await signIn(hub.hub);
    const status = (await hub.hub.dispatcher.call('audit.status', {}, admin)) as ResultOf<'audit.status'>;
    expect(status).toMatchObject({ alarm: null, lastCheck: { kind: 'start', ok: true } });
    expect(status.lastCheck!.checked).toBeGreaterThanOrEqual(40);
    expect(await hub.hub.dispatcher.call('audit.verify', {}, admin)).toMatchObject({ ok: true });
    expect(hub.errors).toEqual([]);
  });

  it('detects the last 50 entries cut off (trigger dropped and recreated, head rewritten)', async () => {
    const dataDir = await hubWithEntries(120);
    tamper(dataDir, 'DELETE FROM audit_log WHERE seq > 70');
    await expectAlarm(dataDir, 71, /^entries 71–120 were removed/);
  });

  it('detects a wiped log (all entries and the stored head deleted)', async () => {
    const dataDir = await hubWithEntries(30);
    tamper(dataDir, 'DELETE FROM audit_log');
    await expectAlarm(dataDir, 1, /^entries 1–30 were removed/);
  });

  it('detects a rewritten head (the last entry replaced, its hash forged)', async () => {
    const dataDir = await hubWithEntries(30);
    tamper(dataDir, `UPDATE audit_log SET details = '{"n":0}', hash = '${'ab'.repeat(32)}' WHERE seq = 30`);
    await expectAlarm(dataDir, 30, /^entry 30 /);
  });

  it('detects an entry edited in the middle', async () => {
    const dataDir = await hubWithEntries(30);
    tamper(dataDir, `UPDATE audit_log SET details = '{"n":999}' WHERE seq = 12`);
    await expectAlarm(dataDir, 12, /^entry 12 was altered/);
  });

  it('detects an altered or deleted anchor file', async () => {
    const altered = await hubWithEntries(20);
    const anchor = JSON.parse(readFileSync(auditAnchorFile(altered), 'utf8')) as { count: number };
    writeFileSync(auditAnchorFile(altered), JSON.stringify({ ...anchor, count: 5 }));
    const deleted = await hubWithEntries(20);
    rmSync(auditAnchorFile(deleted));
    for (const [dataDir, problem] of [
      [altered, 'the audit anchor file was altered'],
      [deleted, 'the audit anchor file is missing'],
    ] as const) {
      const hub = await start(dataDir);
      await hub.settled();
      expect(hub.hub.core.auditGuard!.status().alarm).toMatchObject({ firstBadSeq: null, problem });
      expect(hub.hub.core.audit.verify()).toMatchObject({ ok: false });
    }
  });

  it('accepts a database ahead of its anchor by valid entries (a crash before the anchor was written)', async () => {
    const dataDir = await hubWithEntries(20);
    const older = join(tempDir(), 'anchor');
    copyFileSync(auditAnchorFile(dataDir), older);
    const hub = await start(dataDir);
    const admin = await signIn(hub.hub);
    await hub.hub.dispatcher.call('audit.list', {}, admin);
    await stop(hub);
    copyFileSync(older, auditAnchorFile(dataDir));

    const after = await start(dataDir);
    await after.settled();
    expect(after.hub.core.auditGuard!.status()).toMatchObject({ alarm: null, lastCheck: { ok: true } });
    expect(after.errors).toEqual([]);
    const anchored = JSON.parse(readFileSync(auditAnchorFile(dataDir), 'utf8')) as { count: number };
    expect(anchored.count).toBe(after.hub.core.audit.last().seq);
  });

  it('anchors a restored backup afresh', async () => {
    const dataDir = await hubWithEntries(20);
    const backup = join(tempDir(), 'backup.db');
    await backupDataDir(dataDir, backup);
    const hub = await start(dataDir);
    await signIn(hub.hub);
    await stop(hub);
    restoreDataDir(dataDir, backup);
    const restored = await start(dataDir);
    await restored.settled();
    expect(restored.hub.core.auditGuard!.status()).toMatchObject({ alarm: null, lastCheck: { ok: true } });
  });
});
