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

/**
 * Resolves once the seeding has registered a patient, i.e. the month's simulation is running,
 * read through a connection of its own on a timer: it only fires if the seeding lets the event
 * loop turn (in a child process the timer is this process's own).
 */
function whenPatientsExist(dataDir: string): Promise<void> {
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      try {
        const db = new BetterSqlite3(databaseFile(dataDir), { readonly: true, fileMustExist: true });
        try {
          const row = db.prepare('SELECT COUNT(*) AS n FROM patients').get() as { n: number };
          if (row.n === 0) return;
        } finally {
          db.close();
        }
      } catch {
        return; // not created or not migrated yet
      }
      clearInterval(poll);
      resolve();
    }, 50);
  });
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
    // Released: the directory can be opened again.
    const hub = await startHub({ dataDir, port: 0, host: '127.0.0.1', mdns: false, logger });
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
  }, 300_000);
});
