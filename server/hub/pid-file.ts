import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { pidFile } from './data-dir';

/** Held while a hub serves a data directory (or a restore rewrites it); released on a clean stop. */
export interface DataDirLock {
  release(): void;
}

export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `A hub (process ${pid}) is running on ${dataDir}. Stop it first. If no hub is running, ` +
        `delete ${pidFile(dataDir)} and try again.`,
    );
    this.name = 'DataDirBusyError';
  }
}

/**
 * Takes the data directory for this process: `hub.pid` is created exclusively; a file left by a
 * process that no longer exists (a killed hub) is taken over.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const file = pidFile(dataDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx', mode: 0o644 });
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          if (runningHubPid(dataDir) === process.pid) rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = runningHubPid(dataDir);
      if (pid !== null) throw new DataDirBusyError(dataDir, pid);
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}: another process keeps creating ${file}.`);
}

/** The process id of the hub serving this data directory, or null when none is alive. */
export function runningHubPid(dataDir: string): number | null {
  let pid: number;
  try {
    pid = Number.parseInt(readFileSync(pidFile(dataDir), 'utf8').trim(), 10);
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0) return null;
  return isAlive(pid) ? pid : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
