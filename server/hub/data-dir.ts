import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import envPaths from 'env-paths';

/**
 * Where a headless hub keeps its database and keys when no --data-dir is given: the operating
 * system's per-user application data folder, as env-paths names it (`~/.local/share/clinic-hub` or
 * `$XDG_DATA_HOME/clinic-hub`, `~/Library/Application Support/Clinic Hub`,
 * `%LOCALAPPDATA%\Clinic Hub\Data`).
 *
 * Windows hubs used the roaming `%APPDATA%\Clinic Hub` before: a live database does not belong in a
 * roaming profile (copied to the domain server at every sign-out), so new hubs use the local folder,
 * and a hub whose database is already in the old folder keeps using it.
 */
export function defaultDataDir(): string {
  const windows = process.platform === 'win32';
  const name = windows || process.platform === 'darwin' ? 'Clinic Hub' : 'clinic-hub';
  const dir = envPaths(name, { suffix: '' }).data;
  if (!windows) return dir;
  const roaming = join(process.env.APPDATA || join(homedir(), 'AppData', 'Roaming'), name);
  return existsSync(databaseFile(roaming)) ? roaming : dir;
}

export const databaseFile = (dataDir: string) => join(dataDir, 'clinic.db');
export const auditKeyFile = (dataDir: string) => join(dataDir, 'audit.key');
/** The audit chain's anchor (count and head, HMAC-authenticated): see server/core/audit-anchor.ts. */
export const auditAnchorFile = (dataDir: string) => join(dataDir, 'audit.anchor');
export const pidFile = (dataDir: string) => join(dataDir, 'hub.pid');
