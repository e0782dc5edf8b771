import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import type { Socket as ClientSocket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@server/db/database';
import { callOver, connectTo, send } from '@server/testing/socket-hub';
import { TEST_PASSWORD } from '@server/testing/test-hub';
import { auditKeyFile, databaseFile, pidFile } from './data-dir';
import { type RunningHub, startHub } from './hub-server';
import { restoreDataDir } from './maintenance';
import { DataDirBusyError } from './pid-file';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const silent = pino({ level: 'silent' });
const dirs: string[] = [];
const hubs: RunningHub[] = [];
const children: ChildProcess[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const hub of hubs.splice(0)) await hub.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-hub-dir-'));
  dirs.push(dir);
  return dir;
}

async function start(dataDir: string): Promise<RunningHub> {
  const hub = await startHub({ dataDir, port: 0, host: '127.0.0.1', mdns: false, logger: silent });
  hubs.push(hub);
  return hub;
}

async function setUpOver(socket: ClientSocket): Promise<string> {
  const session = await callOver(socket, 'auth.setup', {
    settings: { clinicName: 'Sunrise Clinic', timeZone: 'Asia/Kolkata' },
    admin: { username: 'admin', displayName: 'Anita Admin', password: TEST_PASSWORD },
    deviceId: 'reception-pc',
  });
  await send(socket, 'auth', { token: session.token });
  return session.token;
}

/** `npm run hub` as a child process; resolves once it reports its port. */
async function spawnHub(dataDir: string) {
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
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const entry = JSON.parse(line) as { port?: number; msg?: string };
      if (entry.msg?.startsWith('LAN sync listening') && entry.port) resolve(entry.port);
    });
    void exited.then(() => reject(new Error('the hub exited before listening')));
  });
  return { child, port, exited, url: `http://127.0.0.1:${port}` };
}

function runCli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/hub.ts', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  return { status: result.status, output: result.stdout + result.stderr };
}

describe('the hub server', () => {
  it('starts on a data directory, serves the sync port and stops cleanly', async () => {
    const dataDir = join(tempDir(), 'nested', 'data');
    const hub = await start(dataDir);
    expect(hub.url).toBe(`http://127.0.0.1:${hub.port}`);
    expect(readFileSync(pidFile(dataDir), 'utf8').trim()).toBe(String(process.pid));
    expect(readFileSync(auditKeyFile(dataDir))).toHaveLength(32);
    expect(statSync(auditKeyFile(dataDir)).mode & 0o777).toBe(0o600);

    const socket = await connectTo(hub.url, { deviceId: 'reception-pc' });
    expect(await send(socket, 'hello')).toMatchObject({ ok: true, result: hub.core.identity() });
    await setUpOver(socket);
    expect(hub.core.isSetUp()).toBe(true);
    socket.disconnect();

    await hub.stop();
    expect(existsSync(pidFile(dataDir))).toBe(false);
    await expect(connectTo(hub.url, { deviceId: 'x' })).rejects.toThrow();

    // The same identity and audit key on the next start.
    const again = await start(dataDir);
    expect(again.core.identity()).toEqual(hub.core.identity());
    expect(again.core.audit.verify().ok).toBe(true);
  });

  it('refuses a second hub and a restore while a hub serves the directory', async () => {
    const dataDir = tempDir();
    const hub = await start(dataDir);
    const backup = join(tempDir(), 'backup.db');
    await hub.core.db.sqlite.backup(backup);
    await expect(start(dataDir)).rejects.toThrow(DataDirBusyError);
    expect(() => restoreDataDir(dataDir, backup)).toThrow(/is running on/);
    await hub.stop();
    expect(restoreDataDir(dataDir, backup)).toEqual({ epoch: 2 });
    expect((await start(dataDir)).core.identity().epoch).toBe(2);
  });

  it('starts although hub.pid names a live process that is not a hub (a pid reused after a crash)', async () => {
    const dataDir = tempDir();
    await (await start(dataDir)).stop();
    const other = spawn('sleep', ['600'], { stdio: 'ignore' });
    children.push(other);
    writeFileSync(pidFile(dataDir), `${other.pid}\n`);
    const hub = await start(dataDir);
    expect(readFileSync(pidFile(dataDir), 'utf8').trim()).toBe(String(process.pid));
    // The directory is still refused while the hub holds it, whatever hub.pid says.
    writeFileSync(pidFile(dataDir), 'garbage');
    await expect(start(dataDir)).rejects.toThrow(DataDirBusyError);
    await hub.stop();
  });

  it('reports a port already in use and releases the directory', async () => {
    const first = await start(tempDir());
    const dataDir = tempDir();
    await expect(
      startHub({ dataDir, port: first.port, host: '127.0.0.1', mdns: false, logger: silent }),
    ).rejects.toThrow(/EADDRINUSE/);
    expect(existsSync(pidFile(dataDir))).toBe(false);
  });

  it('refuses a corrupt database with the integrity message and releases the directory', async () => {
    const dataDir = tempDir();
    const hub = await start(dataDir);
    for (let i = 0; i < 300; i++) {
      hub.core.db.sqlite
        .prepare('INSERT INTO hub_meta (key, value) VALUES (?, ?)')
        .run(`k${i}`, 'x'.repeat(200));
    }
    hub.core.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await hub.stop();
    const bytes = readFileSync(databaseFile(dataDir));
    bytes.fill(0x5a, 4096 * 3, Math.min(bytes.length, 4096 * 9));
    writeFileSync(databaseFile(dataDir), bytes);

    await expect(start(dataDir)).rejects.toThrow(/failed its integrity check.*Restore the latest backup/s);
    expect(existsSync(pidFile(dataDir))).toBe(false);
  });

  it('keeps every acknowledged write when the hub process is SIGKILLed mid-stream', async () => {
    const dataDir = tempDir();
    const hub = await spawnHub(dataDir);
    const socket = await connectTo(hub.url, { deviceId: 'reception-pc' });
    await setUpOver(socket);

    const acknowledged: string[] = [];
    let killed = false;
    const writer = async () => {
      while (!killed) {
        const id = randomUUID();
        try {
          await callOver(socket, 'users.create', {
            id,
            username: `user-${id.slice(0, 8)}`,
            displayName: 'Stream User',
            role: 'receptionist',
            password: TEST_PASSWORD,
          });
        } catch {
          return; // the hub is gone: this write was never acknowledged
        }
        acknowledged.push(id);
        if (acknowledged.length >= 20 && !killed) {
          killed = true;
          hub.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all([writer(), writer(), writer(), writer()]);
    expect(await hub.exited).toEqual({ code: null, signal: 'SIGKILL' });
    socket.disconnect();

    const db = openDatabase(databaseFile(dataDir)); // runs integrity_check
    try {
      expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = new Set(
        (db.sqlite.prepare('SELECT id FROM users').all() as { id: string }[]).map((row) => row.id),
      );
      expect(acknowledged.length).toBeGreaterThanOrEqual(20);
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    } finally {
      db.close();
    }
    // The killed hub's pid file is stale: a new hub takes the directory over.
    const restarted = await start(dataDir);
    expect(restarted.core.isSetUp()).toBe(true);
  }, 60_000);

  it('CLI: backs up while a hub process runs, restores only once it has stopped', async () => {
    const dataDir = tempDir();
    const hub = await spawnHub(dataDir);
    const socket = await connectTo(hub.url, { deviceId: 'reception-pc' });
    await setUpOver(socket);
    socket.disconnect();

    const backup = join(tempDir(), 'clinic-backup.db');
    const backedUp = runCli('backup', backup, '--data-dir', dataDir);
    expect(backedUp.status).toBe(0);
    const copy = openDatabase(backup, { readonly: true });
    expect(copy.sqlite.prepare('SELECT username FROM users').all()).toEqual([{ username: 'admin' }]);
    copy.close();

    const refused = runCli('restore', backup, '--data-dir', dataDir);
    expect(refused.status).toBe(1);
    expect(refused.output).toMatch(/A hub \(process \d+\) is running on/);

    hub.child.kill('SIGTERM');
    expect(await hub.exited).toEqual({ code: 0, signal: null });
    expect(existsSync(pidFile(dataDir))).toBe(false);
    const restored = runCli('restore', backup, '--data-dir', dataDir);
    expect(restored.status).toBe(0);
    expect(restored.output).toMatch(/new epoch 2/);
  }, 180_000); // three tsx processes start one after another: minutes on a loaded machine

  it('CLI: --gateway-trust-proxy takes proxy addresses or a hop count, and refuses anything else', () => {
    const refused = runCli(
      '--gateway',
      '--gateway-trust-proxy',
      'true',
      '--data-dir',
      tempDir(),
      '--no-mdns',
    );
    expect(refused.status).toBe(2);
    expect(refused.output).toContain('--gateway-trust-proxy: \\"true\\" is not an IP address');
  }, 60_000);
});
