import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { openDatabase } from '@server/db/database';
import { databaseFile } from '@server/hub/data-dir';
import { type DemoSummary, seedDemoClinic } from './demo-clinic';

/** Where the demo clinic is built before it is moved into place (inside the data directory). */
export const demoStagingDir = (dataDir: string) => join(dataDir, 'demo-seeding');

export interface StagedDemoOptions {
  auditKey: Buffer;
  now: Date;
  logger: Logger;
  signal?: AbortSignal;
}

/**
 * Seeds the demo clinic into `demo-seeding/` and renames its database over `clinic.db` only once
 * the seeding is complete: an interrupted seeding (Ctrl+C, a crash, power loss) leaves the data
 * directory as it was, and the next start seeds again instead of keeping a half clinic.
 * A data directory already set up is left alone. The caller holds the data directory's lock.
 */
export async function seedDemoDataDir(
  dataDir: string,
  options: StagedDemoOptions,
): Promise<DemoSummary | null> {
  const target = databaseFile(dataDir);
  if (existsSync(target) && isSetUp(target)) {
    options.logger.warn(
      'Demo data is only created on an empty data directory; this hub is already set up, so it starts with its own data.',
    );
    return null;
  }
  const staging = demoStagingDir(dataDir);
  rmSync(staging, { recursive: true, force: true }); // left by a seeding that was killed
  mkdirSync(staging, { mode: 0o700 });
  const stagedFile = databaseFile(staging);
  const db = openDatabase(stagedFile, { skipIntegrityCheck: true });
  try {
    // Nothing here is kept unless the seeding completes, so its commits need not reach the disk
    // one by one; the whole file is synced once below, before it is moved into place.
    db.sqlite.pragma('synchronous = OFF');
    const summary = await seedDemoClinic({ db, ...options });
    db.sqlite.pragma('synchronous = FULL');
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    db.sqlite.pragma('journal_mode = DELETE');
    db.close();
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${target}${suffix}`, { force: true });
    renameSync(stagedFile, target);
    return summary;
  } finally {
    db.close();
    rmSync(staging, { recursive: true, force: true });
  }
}

function isSetUp(file: string): boolean {
  const db = openDatabase(file);
  try {
    return db.sqlite.prepare('SELECT 1 FROM settings WHERE id = 1').get() !== undefined;
  } finally {
    db.close();
  }
}
