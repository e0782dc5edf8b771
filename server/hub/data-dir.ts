import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where a headless hub keeps its database and keys when no --data-dir is given: the operating
 * system's per-user application data folder.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Clinic Hub');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Clinic Hub');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'clinic-hub');
}

export const databaseFile = (dataDir: string) => join(dataDir, 'clinic.db');
export const auditKeyFile = (dataDir: string) => join(dataDir, 'audit.key');
/** The audit chain's anchor (count and head, HMAC-authenticated): see server/core/audit-anchor.ts. */
export const auditAnchorFile = (dataDir: string) => join(dataDir, 'audit.anchor');
export const pidFile = (dataDir: string) => join(dataDir, 'hub.pid');
