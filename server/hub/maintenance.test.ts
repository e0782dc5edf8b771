import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loadAuditKey } from './audit-key';
import { auditKeyFile, databaseFile } from './data-dir';
import { auditKeyOf, backupDataDir, restoreDataDir } from './maintenance';
import { openDatabase } from '@server/db/database';
import { HubCore } from '@server/core/hub-core';
import { systemClock } from '@server/core/clock';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-maint-'));
  dirs.push(dir);
  return dir;
};

describe('backup and restore of a data directory', () => {
  it('writes one self-contained file plus the audit key, and restores both', async () => {
    const dataDir = temp();
    const { key } = loadAuditKey(dataDir);
    const db = openDatabase(databaseFile(dataDir));
    new HubCore({ db, auditKey: key, clock: systemClock, logger: pino({ level: 'silent' }) }).audit.append({
      at: new Date().toISOString(),
      actorUserId: null,
      actorRole: null,
      deviceId: 'test',
      kind: 'auth',
      action: 'test.entry',
      entity: 'users',
      entityId: null,
      patientId: null,
      details: {},
    });
    db.close();

    const target = join(temp(), 'clinic-backup.db');
    await backupDataDir(dataDir, target);
    expect(existsSync(`${target}-wal`) || existsSync(`${target}-shm`)).toBe(false);
    expect(readFileSync(auditKeyOf(target))).toEqual(key);
    expect(statSync(auditKeyOf(target)).mode & 0o077).toBe(0);

    // A new machine: an empty data directory with a different key.
    const fresh = temp();
    loadAuditKey(fresh);
    restoreDataDir(fresh, target);
    expect(readFileSync(auditKeyFile(fresh))).toEqual(key);
    const restored = openDatabase(databaseFile(fresh));
    const core = new HubCore({
      db: restored,
      auditKey: readFileSync(auditKeyFile(fresh)),
      clock: systemClock,
      logger: pino({ level: 'silent' }),
    });
    expect(core.audit.verify()).toMatchObject({ ok: true, checked: 1 });
    restored.close();
  });
});
