import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { backupDatabase, restoreDatabase } from '@server/db/backup';
import { openDatabase } from '@server/db/database';
import { AuditAnchorFile } from '@server/core/audit-anchor';
import { AuditLog } from '@server/core/audit-log.repository';
import { loadAuditKey } from './audit-key';
import { auditAnchorFile, auditKeyFile, databaseFile } from './data-dir';
import { lockDataDir } from './pid-file';

/** The audit key travels with each backup, or the restored audit chain could not be verified. */
export const auditKeyOf = (backupFile: string) => `${backupFile}.audit-key`;

/** Online backup of a data directory's database (and its audit key): safe while a hub serves it. */
export async function backupDataDir(dataDir: string, target: string): Promise<string> {
  const file = databaseFile(dataDir);
  if (!existsSync(file)) throw new Error(`There is no clinic database in ${dataDir}.`);
  const db = openDatabase(file, { readonly: true, skipIntegrityCheck: true });
  try {
    const output = resolve(target);
    await backupDatabase(db.sqlite, output);
    if (existsSync(auditKeyFile(dataDir))) copyFileSync(auditKeyFile(dataDir), auditKeyOf(output));
    return output;
  } finally {
    db.close();
  }
}

/**
 * The restored chain is shorter than the anchored one (entries since the backup are gone, on
 * purpose): anchor it afresh, without the alarm of the replaced database. Checked at the next start.
 */
function anchorRestoredChain(dataDir: string): void {
  if (!existsSync(auditKeyFile(dataDir))) {
    rmSync(auditAnchorFile(dataDir), { force: true });
    return;
  }
  const db = openDatabase(databaseFile(dataDir), { skipIntegrityCheck: true });
  try {
    const last = new AuditLog(db, Buffer.alloc(0)).last();
    const file = new AuditAnchorFile(auditAnchorFile(dataDir), loadAuditKey(dataDir).key);
    file.saveSync({ count: last.seq, head: last.hash, alarm: null });
  } finally {
    db.close();
  }
}

/**
 * Replaces a data directory's database with a backup, giving it a new epoch so every desktop
 * refetches. Refused while a hub serves the directory; holds the directory while it works.
 */
export function restoreDataDir(dataDir: string, source: string): { epoch: number } {
  const lock = lockDataDir(dataDir);
  try {
    const restored = restoreDatabase(resolve(source), databaseFile(dataDir));
    if (existsSync(auditKeyOf(resolve(source))))
      copyFileSync(auditKeyOf(resolve(source)), auditKeyFile(dataDir));
    anchorRestoredChain(dataDir);
    return restored;
  } finally {
    lock.release();
  }
}
