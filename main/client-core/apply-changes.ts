import type BetterSqlite3 from 'better-sqlite3';
import type { Change, SyncedEntity } from '@shared/contract/sync.contract';
import { clinicSettingsSchema } from '@shared/domain/settings.schema';
import { foldName, normalizePhone } from '@shared/rules/patient-identity';
import type { Appointment } from '@shared/domain/appointment.schema';
import { appointmentRow } from '@server/db/appointment-row';
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
  const statements = statementsOf(replica);
  const { sqlite } = replica.db;
  for (const change of changes) {
    if (change.entity !== 'settings') continue;
    sqlite.prepare('DELETE FROM settings').run();
    if (change.op === 'upsert' && change.row) {
      sqlite
        .prepare('INSERT INTO settings (id, data) VALUES (1, ?)')
        .run(JSON.stringify(clinicSettingsSchema.parse(change.row)));
    }
  }
  // Read once per page, after the page's settings: clinic dates depend on the time zone.
  let zone: string | undefined;
  const zoneOf = () => (zone ??= timeZone(replica));
  for (const change of changes) {
    if (change.entity === 'settings') continue;
    statements.remove(change.entity).run(change.entityId);
    if (change.op === 'delete' || !change.row) continue;
    const row = storedRow(replica, change.entity, change.row, zoneOf);
    const names = Object.keys(row);
    // OR REPLACE also reaches the claims the row's triggers insert: a stale row of another
    // appointment (updated in a later page) must not block the hub's current one.
    statements.upsert(change.entity, names).run(...names.map((n) => row[n]));
  }
}

interface Statements {
  remove(entity: string): BetterSqlite3.Statement;
  upsert(entity: string, names: string[]): BetterSqlite3.Statement;
}

const cache = new WeakMap<Replica, Map<string, BetterSqlite3.Statement>>();

/** Prepared once per replica and reused for every row (a page holds thousands). */
function statementsOf(replica: Replica): Statements {
  let prepared = cache.get(replica);
  if (!prepared) cache.set(replica, (prepared = new Map<string, BetterSqlite3.Statement>()));
  const map = prepared;
  const get = (sql: string) => {
    let statement = map.get(sql);
    if (!statement) map.set(sql, (statement = replica.db.sqlite.prepare(sql)));
    return statement;
  };
  return {
    remove: (entity) => get(`DELETE FROM "${entity}" WHERE id = ?`),
    upsert: (entity, names) =>
      get(
        `INSERT OR REPLACE INTO "${entity}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
      ),
  };
}

function timeZone(replica: Replica): string {
  const row = replica.db.sqlite.prepare('SELECT data FROM settings WHERE id = 1').get() as
    { data: string } | undefined;
  return row ? (JSON.parse(row.data) as { timeZone: string }).timeZone : 'UTC';
}

/** The wire row as the table stores it. */
export function storedRow(
  replica: Replica,
  entity: Exclude<SyncedEntity, 'settings'>,
  wire: Row,
  zone: () => string = () => timeZone(replica),
): Row {
  // An appointment's row as the hub builds it; its clinic date and slotless travel with it (pull.ts).
  const encoded: Row =
    entity === 'appointments'
      ? appointmentRow(wire as Appointment, {
          timeZone: zone(),
          clinicDate: typeof wire.clinicDate === 'string' ? wire.clinicDate : undefined,
          slotless: wire.slotless === true || wire.slotless === 1,
        })
      : encode(entity, wire);
  const derived: Row = {};
  if (entity === 'patients') {
    derived.nameFolded = foldName(typeof wire.fullName === 'string' ? wire.fullName : '');
    derived.phoneNormalized = typeof wire.phone === 'string' ? normalizePhone(wire.phone) : null;
  }
  const json = jsonColumnsOf(entity);
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

const jsonColumns = new Map<string, Set<string>>();
function jsonColumnsOf(entity: Exclude<SyncedEntity, 'settings'>): Set<string> {
  let columns = jsonColumns.get(entity);
  if (!columns) jsonColumns.set(entity, (columns = new Set(codecs[entity]?.json ?? [])));
  return columns;
}

/** A value for a NOT NULL column the role does not receive (e.g. a nurse's consultation rows). */
function neutral(type: string, isJson: boolean): unknown {
  if (isJson) return 'null';
  return type === 'INTEGER' || type === 'REAL' ? 0 : '';
}
