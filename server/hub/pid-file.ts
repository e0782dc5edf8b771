import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { pidFile } from './data-dir';

/** Held while a hub serves a data directory (or a restore rewrites it); released on a clean stop. */
export interface DataDirLock {
  release(): void;
}

export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number | null,
  ) {
    super(`A hub${pid === null ? '' : ` (process ${pid})`} is running on ${dataDir}. Stop it first.`);
    this.name = 'DataDirBusyError';
  }
}

/** Never deleted: removing a lock file while another process opens it would let two hubs in. */
export const lockFile = (dataDir: string) => join(dataDir, 'hub.lock');

/**
 * Takes the data directory for this process with a lock the operating system releases when the
 * process ends, however it ends: an exclusive SQLite lock on `hub.lock` (fcntl on Linux and macOS,
 * LockFileEx on Windows). So a `hub.pid` left by a crash, or naming a process id reused since by
 * another program, never blocks the start; `hub.pid` only says which process holds the lock.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const lock = new BetterSqlite3(lockFile(dataDir), { timeout: 0 });
  try {
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    lock.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY')
      throw new DataDirBusyError(dataDir, holder(dataDir));
    throw error;
  }
  writeFileSync(pidFile(dataDir), `${process.pid}\n`, { mode: 0o644 });
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      if (holder(dataDir) === process.pid) rmSync(pidFile(dataDir), { force: true });
      lock.close();
    },
  };
}

/** The process id in `hub.pid` (informational: the lock is what counts). */
function holder(dataDir: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(pidFile(dataDir), 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}
