import { syncedEntities, type SyncedEntity } from '@shared/contract/sync.contract';
import { type Db, openDatabase } from '@server/db/database';
import { clientTableColumns, clientTablesSql, replicaDroppedTriggers } from './client-tables';
import type { ColumnInfo } from './column-info';
import { installUndoTriggers } from './undo-log';

export type { ColumnInfo } from './column-info';

/** A desktop's replica: the hub's schema (same migrations) holding what the signed-in role may see. */
export interface Replica {
  readonly db: Db;
  columns(table: string): ColumnInfo[];
  meta(key: string): string | undefined;
  setMeta(key: string, value: string | number): void;
  /** Drops every synced row (role change, new hub epoch); the outbox and sign-ins stay. */
  wipeSyncedRows(): void;
  /**
   * Runs `fn` with commits that do not wait for the disk (`synchronous=NORMAL`), for writes the
   * hub can always give again: pulled pages (the cursor moves in the same transaction) and push
   * outcomes (a re-push returns the stored ones). Local changes keep `synchronous=FULL`; the WAL
   * is written in order, so a later FULL commit makes these durable too, and a power cut can
   * only lose the newest of them, never corrupt or reorder.
   */
  relaxed<T>(fn: () => T): T;
  close(): void;
}

/** Synced tables plus the local counters: the rows a pending mutation may change. */
export const capturedTables: readonly string[] = [...syncedEntities, 'counters'];

export function openReplica(file: string): Replica {
  const db = openDatabase(file);
  const { sqlite } = db;
  // Pages carry each record's latest row in hub order, so a child may arrive before its parent,
  // and rows a role may not see (e.g. consultations for a receptionist) are simply absent.
  sqlite.pragma('foreign_keys = OFF');
  // A purge (role change, new epoch) must not leave the old role's rows in free pages.
  sqlite.pragma('secure_delete = ON');
  sqlite.exec(clientTablesSql);
  for (const { table, column, type } of clientTableColumns) {
    const has = sqlite.prepare(`SELECT 1 FROM pragma_table_info('${table}') WHERE name = ?`).get(column);
    if (!has) sqlite.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
  }
  for (const trigger of replicaDroppedTriggers) sqlite.exec(`DROP TRIGGER IF EXISTS ${trigger}`);

  const columnCache = new Map<string, ColumnInfo[]>();
  const columns = (table: string): ColumnInfo[] => {
    let info = columnCache.get(table);
    if (!info) {
      const rows = sqlite.prepare(`PRAGMA table_info("${table}")`).all() as {
        name: string;
        type: string;
        notnull: number;
        dflt_value: unknown;
        pk: number;
      }[];
      info = rows.map((r) => ({
        name: r.name,
        type: r.type.toUpperCase(),
        notnull: r.notnull === 1,
        hasDefault: r.dflt_value !== null,
        pk: r.pk > 0,
      }));
      columnCache.set(table, info);
    }
    return info;
  };
  installUndoTriggers(sqlite, capturedTables, columns);

  const getMeta = sqlite.prepare('SELECT value FROM client_meta WHERE key = ?');
  const putMeta = sqlite.prepare(
    'INSERT INTO client_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  return {
    db,
    columns,
    meta: (key) => (getMeta.get(key) as { value: string } | undefined)?.value,
    setMeta: (key, value) => void putMeta.run(key, String(value)),
    wipeSyncedRows() {
      db.transaction(() => {
        for (const table of syncedEntities as readonly SyncedEntity[]) sqlite.exec(`DELETE FROM "${table}"`);
        sqlite.exec('DELETE FROM counters; DELETE FROM client_undo; DELETE FROM doctor_claims;');
        sqlite.exec('DELETE FROM patient_claims;');
        sqlite.exec("INSERT INTO patients_fts(patients_fts) VALUES ('rebuild')");
      });
    },
    relaxed(fn) {
      sqlite.pragma('synchronous = NORMAL');
      try {
        return fn();
      } finally {
        sqlite.pragma('synchronous = FULL');
      }
    },
    close: () => db.close(),
  };
}
