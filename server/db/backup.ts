import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { assertIntegrity, migrate } from './database';

/** Online backup through SQLite's backup API: safe while the hub is serving. */
export async function backupDatabase(sqlite: BetterSqlite3.Database, target: string): Promise<void> {
  if (existsSync(target)) throw new Error(`${target} already exists; choose a new file name for the backup`);
  await sqlite.backup(target);
  // A single self-contained file: no -wal / -shm beside it.
  const copy = new BetterSqlite3(target);
  try {
    copy.pragma('journal_mode = DELETE');
    assertIntegrity(copy, target);
  } finally {
    copy.close();
  }
  for (const suffix of ['-wal', '-shm']) rmSync(target + suffix, { force: true });
}

/**
 * Replaces the database file with a backup (hub stopped). The restored database gets a new
 * epoch, higher than both the current and the backup's, so every desktop refetches and
 * re-pushes its outbox instead of trusting a replica newer than the hub.
 */
export function restoreDatabase(source: string, databaseFile: string): { epoch: number } {
  if (!existsSync(source)) throw new Error(`backup file ${source} does not exist`);
  const check = new BetterSqlite3(source, { readonly: true });
  try {
    assertIntegrity(check, source);
  } finally {
    check.close();
  }
  const currentEpoch = existsSync(databaseFile) ? readEpoch(databaseFile) : 0;
  const staging = `${databaseFile}.restoring`;
  rmSync(staging, { force: true });
  copyFileSync(source, staging);
  const restored = new BetterSqlite3(staging);
  let epoch: number;
  try {
    migrate(restored);
    const backupEpoch = epochOf(restored);
    epoch = Math.max(currentEpoch, backupEpoch) + 1;
    restored
      .prepare(
        "INSERT INTO hub_meta (key, value) VALUES ('epoch', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      )
      .run(String(epoch));
    restored.pragma('journal_mode = DELETE');
  } finally {
    restored.close();
  }
  for (const suffix of ['-wal', '-shm']) rmSync(databaseFile + suffix, { force: true });
  renameSync(staging, databaseFile);
  return { epoch };
}

function readEpoch(file: string): number {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return epochOf(db);
  } catch {
    return 0;
  } finally {
    db.close();
  }
}

function epochOf(db: BetterSqlite3.Database): number {
  const row = db.prepare("SELECT value FROM hub_meta WHERE key = 'epoch'").get() as
    { value: string } | undefined;
  return row ? Number(row.value) : 0;
}
