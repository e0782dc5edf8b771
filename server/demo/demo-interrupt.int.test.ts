import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock } from '@server/core/clock';
import { databaseFile, pidFile } from '@server/hub/data-dir';
import { startHub } from '@server/hub/hub-server';
import { demoStagingDir } from './demo-staging';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const NOW = '2026-11-25T05:30:00.000Z';

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-demo-stop-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** What an interrupted seeding left in the data directory: nothing of the clinic. */
function expectNoHalfClinic(dataDir: string): void {
  expect(existsSync(demoStagingDir(dataDir))).toBe(false);
  if (!existsSync(databaseFile(dataDir))) return;
  const db = new BetterSqlite3(databaseFile(dataDir), { readonly: true });
  try {
    const users = db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number };
    expect(users.n).toBe(0);
  } finally {
    db.close();
  }
}

/**
 * Resolves once the seeding has registered a patient, i.e. the month's simulation is running,
 * read through a connection of its own on a timer: it only fires if the seeding lets the event
 * loop turn (in a child process the timer is this process's own).
 */
function whenPatientsExist(dataDir: string): Promise<void> {
  const files = [databaseFile(demoStagingDir(dataDir)), databaseFile(dataDir)];
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      if (!files.some(hasPatients)) return;
      clearInterval(poll);
      resolve();
    }, 50);
  });
}

function hasPatients(file: string): boolean {
  try {
    const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM patients').get() as { n: number }).n > 0;
    } finally {
      db.close();
    }
  } catch {
    return false; // not created or not migrated yet
  }
}

describe('seeding the demo clinic', () => {
  it('stops when its start-up is aborted and releases the data directory', async () => {
    const dataDir = tempDir();
    const controller = new AbortController();
    void whenPatientsExist(dataDir).then(() => controller.abort(new Error('stop the demo')));
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    await expect(
      startHub({
        dataDir,
        port: 0,
        host: '127.0.0.1',
        mdns: false,
        demo: true,
        clock: fixedClock(NOW),
        logger,
        signal: controller.signal,
      }),
    ).rejects.toThrow('stop the demo');
    expect(lines.some((line) => line.includes('demo clinic ready'))).toBe(false);
    expectNoHalfClinic(dataDir);
    // Released: the directory can be opened again, and it is not set up (the demo is seeded anew).
    const hub = await startHub({ dataDir, port: 0, host: '127.0.0.1', mdns: false, logger });
    expect(hub.core.isSetUp()).toBe(false);
    await hub.stop();
  }, 300_000);

  it('stops on SIGTERM to `npm run hub -- --demo` while it runs the month', async () => {
    const dataDir = tempDir();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/hub.ts', '--demo', '--no-mdns', '--port', '0', '--data-dir', dataDir],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const lines: string[] = [];
    createInterface({ input: child.stdout }).on('line', (line) => lines.push(line));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await whenPatientsExist(dataDir);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(lines.some((line) => line.includes('demo clinic ready'))).toBe(false);
    expect(lines.some((line) => line.includes('start-up interrupted'))).toBe(true);
    expect(existsSync(pidFile(dataDir))).toBe(false);
    expectNoHalfClinic(dataDir);
  }, 300_000);
});
