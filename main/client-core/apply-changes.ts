import type { Change, SyncedEntity } from '@shared/contract/sync.contract';
import { clinicSettingsSchema } from '@shared/domain/settings.schema';
import { foldName, normalizePhone } from '@shared/rules/patient-identity';
import { clinicDate } from '@shared/rules/zoned-time';
import { codecs, encode } from '@server/db/codecs';
import type { Replica } from './replica';

type Row = Record<string, unknown>;

/**
 * Applies pulled changes to the replica (inside the caller's transaction): each upsert replaces
 * the record's row, with the hub's own columns (search keys, epoch ms, clinic date) recomputed
 * by the same rules the hub uses, and columns the role does not receive filled with neutral
 * values; deletes remove the row. Settings go first: clinic dates depend on the time zone.
 */
export function applyChanges(replica: Replica, changes: readonly Change[]): void {
  const ordered = [
    ...changes.filter((c) => c.entity === 'settings'),
    ...changes.filter((c) => c.entity !== 'settings'),
  ];
  const { sqlite } = replica.db;
  for (const change of ordered) {
    if (change.entity === 'settings') {
      sqlite.prepare('DELETE FROM settings').run();
      if (change.op === 'upsert' && change.row) {
        sqlite
          .prepare('INSERT INTO settings (id, data) VALUES (1, ?)')
          .run(JSON.stringify(clinicSettingsSchema.parse(change.row)));
      }
      continue;
    }
    sqlite.prepare(`DELETE FROM "${change.entity}" WHERE id = ?`).run(change.entityId);
    if (change.op === 'delete' || !change.row) continue;
    const row = storedRow(replica, change.entity, change.row);
    const names = Object.keys(row);
    // OR REPLACE also reaches the claims the row's triggers insert: a stale row of another
    // appointment (updated in a later page) must not block the hub's current one.
    sqlite
      .prepare(
        `INSERT OR REPLACE INTO "${change.entity}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
      )
      .run(...names.map((n) => row[n]));
  }
}

function timeZone(replica: Replica): string {
  const row = replica.db.sqlite.prepare('SELECT data FROM settings WHERE id = 1').get() as
    { data: string } | undefined;
  return row ? (JSON.parse(row.data) as { timeZone: string }).timeZone : 'UTC';
}

/** The wire row as the table stores it. */
export function storedRow(replica: Replica, entity: Exclude<SyncedEntity, 'settings'>, wire: Row): Row {
  const encoded = encode(entity, wire);
  const derived: Row = {};
  if (entity === 'patients') {
    derived.nameFolded = foldName(typeof wire.fullName === 'string' ? wire.fullName : '');
    derived.phoneNormalized = typeof wire.phone === 'string' ? normalizePhone(wire.phone) : null;
  } else if (entity === 'appointments') {
    derived.startMs = Date.parse(String(wire.startsAt));
    derived.endMs = Date.parse(String(wire.endsAt));
    derived.clinicDate =
      typeof wire.clinicDate === 'string'
        ? wire.clinicDate
        : clinicDate(derived.startMs as number, timeZone(replica));
    derived.slotless = wire.slotless === true || wire.slotless === 1 ? 1 : 0;
  }
  const json = new Set(codecs[entity]?.json ?? []);
  const row: Row = {};
  for (const column of replica.columns(entity)) {
    const value = column.name in derived ? derived[column.name] : encoded[column.name];
    if (value !== undefined && value !== null) row[column.name] = value;
    else if (value === null && !column.notnull) row[column.name] = null;
    else if (column.notnull && !column.hasDefault)
      row[column.name] = neutral(column.type, json.has(column.name));
  }
  return row;
}

/** A value for a NOT NULL column the role does not receive (e.g. a nurse's consultation rows). */
function neutral(type: string, isJson: boolean): unknown {
  if (isJson) return 'null';
  return type === 'INTEGER' || type === 'REAL' ? 0 : '';
}
