import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Change, syncedEntities, type SyncedEntity } from '@shared/contract/sync.contract';
import type { Role } from '@shared/domain/common.schema';
import type { Actor } from '@shared/domain/user.schema';
import { visibilityOf } from '@shared/permissions/visibility';
import { fixedClock } from '@server/core/clock';
import { DEMO_PASSWORD } from '@server/demo/demo-clinic';
import { type RunningHub, startHub } from '@server/hub/hub-server';
import { pullChanges } from '@server/sync/pull';
import { type ClientCore, createClientCore } from '@main/client-core/client-core';
import { waitFor } from '@main/client-core/testing/clinic';

/** Wednesday 25 November 2026, 11:00 in Bengaluru: the clinic is busy, patients are checked in. */
const NOW = '2026-11-25T05:30:00.000Z';

type Row = Record<string, unknown>;
type StaffRole = Exclude<Role, 'patient'>;

const signIns: Record<StaffRole, string> = {
  admin: 'admin',
  receptionist: 'reena',
  doctor: 'dr.menon',
  nurse: 'nurse.leela',
};

/** The hub's rows a role's replica must hold, from the hub's database (the oracle). */
function expectedIds(hub: RunningHub, role: StaffRole, entity: Exclude<SyncedEntity, 'settings'>): string[] {
  const { rows } = visibilityOf(role, entity);
  const ids = (sql: string) =>
    (hub.core.db.sqlite.prepare(sql).all() as { id: string }[]).map((r) => r.id).sort();
  switch (rows) {
    case 'all':
      return ids(`SELECT id FROM "${entity}"`);
    case 'none':
      return [];
    case 'checkedIn':
      // What consultations.vitals answers a nurse: the records of visits checked in now.
      return ids(
        `SELECT t.id FROM "${entity}" t JOIN appointments a ON a.id = t.appointmentId WHERE a.status = 'CHECKED_IN'`,
      );
    case 'own':
      throw new Error(`no staff role sees only its own ${entity}`);
  }
}

/** JSON text compares by value (the replica re-encodes what the wire carried). */
function comparable(value: unknown): unknown {
  if (typeof value === 'string' && /^[[{]/.test(value)) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

/** A column a role does not receive holds one neutral value in every row: nothing of the hub's. */
const neutralValues = new Set<unknown>([null, '', 0, 'null', '[]']);

describe("every role's desktop syncs the demo clinic completely", () => {
  let hub: RunningHub;
  const dirs: string[] = [];
  const cores: ClientCore[] = [];
  const temp = (prefix: string) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };

  beforeAll(async () => {
    hub = await startHub({
      dataDir: temp('clinic-role-sync-hub-'),
      port: 0,
      host: '127.0.0.1',
      mdns: false,
      demo: true,
      clock: fixedClock(NOW),
      logger: pino({ level: 'silent' }),
    });
  }, 600_000); // seeding the demo clinic takes ~20 s alone, far longer beside other tests on 2 cores

  it.each(Object.keys(signIns) as StaffRole[])(
    '%s: a full pull carries only the rows and columns visibility.ts allows',
    (role) => {
      const user = hub.core.db.sqlite
        .prepare('SELECT id, role, doctorId FROM users WHERE username = ?')
        .get(signIns[role]) as { id: string; role: Role; doctorId: string | null };
      const actor: Actor = {
        userId: user.id,
        role: user.role,
        doctorId: user.doctorId,
        patientId: null,
        deviceId: 'matrix',
      };
      const changes: Change[] = [];
      const { epoch } = hub.core.identity();
      for (let cursor = 0, pages = 0; pages < 1_000; pages++) {
        const page = pullChanges(hub.core, actor, null, { epoch, cursor, limit: 2_000 });
        changes.push(...page.changes);
        cursor = page.nextCursor;
        if (!page.hasMore) break;
      }
      for (const entity of syncedEntities) {
        if (entity === 'settings') continue;
        const ofEntity = changes.filter((c) => c.entity === entity);
        const exists = hub.core.db.sqlite.prepare(`SELECT 1 FROM "${entity}" WHERE id = ?`);
        // A delete names a record that is gone or out of the role's view (an id, no content).
        const allowed = new Set(expectedIds(hub, role, entity));
        for (const c of ofEntity.filter((c) => c.op === 'delete')) {
          expect(c.row).toBeNull();
          if (exists.get(c.entityId)) expect(allowed.has(c.entityId)).toBe(false);
        }
        const upserted = [
          ...new Set(ofEntity.filter((c) => c.op === 'upsert').map((c) => c.entityId)),
        ].sort();
        expect(upserted, `${role}: ${entity} on the wire`).toEqual(expectedIds(hub, role, entity));
        const { columns } = visibilityOf(role, entity);
        if (columns === 'all') continue;
        for (const c of ofEntity) {
          expect(
            Object.keys(c.row ?? {}).filter((k) => !columns.includes(k)),
            `${role}: ${entity} columns`,
          ).toEqual([]);
        }
      }
      if (role === 'nurse') {
        // Not vacuous: some visits are checked in at 11:00, most of the month's are not.
        const scoped = expectedIds(hub, role, 'consultations').length;
        const all = (
          hub.core.db.sqlite.prepare('SELECT count(*) AS n FROM consultations').get() as { n: number }
        ).n;
        expect(scoped).toBeGreaterThan(0);
        expect(scoped).toBeLessThan(all);
      }
    },
  );

  afterAll(async () => {
    for (const core of cores) await core.close();
    await hub?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it.each(Object.keys(signIns) as StaffRole[])(
    '%s: the replica holds exactly the rows and columns visibility.ts allows',
    async (role) => {
      const dataDir = temp(`clinic-role-sync-${role}-`);
      const core = createClientCore({
        dataDir,
        hubUrl: hub.url,
        deviceId: `${role}-desktop`,
        deviceName: `${role} desktop`,
        clock: fixedClock(NOW),
        pullIntervalMs: 60_000,
      });
      cores.push(core);
      await core.signIn(signIns[role], DEMO_PASSWORD);
      await waitFor(() => core.connectionState().online, `${role}'s desktop to be online`, 120_000);
      await core.syncNow();
      const state = core.connectionState();
      expect(state.syncError).toBeNull();
      expect(state.lastSyncAt).not.toBeNull();

      const replica = new Database(core.replicaFile, { readonly: true });
      try {
        const hubSettings = hub.core.db.sqlite.prepare('SELECT data FROM settings').get() as { data: string };
        const localSettings = replica.prepare('SELECT data FROM settings').get() as { data: string };
        expect(JSON.parse(localSettings.data)).toEqual(JSON.parse(hubSettings.data));

        for (const entity of syncedEntities) {
          if (entity === 'settings') continue;
          const { columns } = visibilityOf(role, entity);
          const local = replica.prepare(`SELECT * FROM "${entity}" ORDER BY id`).all() as Row[];
          expect(local.map((r) => r.id).sort(), `${role}: rows of ${entity}`).toEqual(
            expectedIds(hub, role, entity),
          );
          if (local.length === 0) continue;

          const hubRow = hub.core.db.sqlite.prepare(`SELECT * FROM "${entity}" WHERE id = ?`);
          const names = (replica.pragma(`table_info("${entity}")`) as { name: string }[]).map((c) => c.name);
          const shown = columns === 'all' ? names : names.filter((n) => columns.includes(n));
          for (const row of local) {
            const original = hubRow.get(row.id) as Row;
            for (const name of shown) {
              expect(comparable(row[name]), `${role}: ${entity}.${name} of ${String(row.id)}`).toEqual(
                comparable(original[name]),
              );
            }
          }
          for (const name of names.filter((n) => !shown.includes(n))) {
            const values = new Set(local.map((r) => r[name]));
            expect(values.size, `${role}: ${entity}.${name} is not the role's`).toBe(1);
            expect(neutralValues.has([...values][0]), `${role}: ${entity}.${name} is not the role's`).toBe(
              true,
            );
          }
        }
      } finally {
        replica.close();
      }
    },
    300_000,
  );
});
