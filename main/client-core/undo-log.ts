import type BetterSqlite3 from 'better-sqlite3';
import type { ColumnInfo } from './column-info';

type Columns = (table: string) => ColumnInfo[];

/**
 * Undo images for rebase (docs/architecture.md (Sync protocol)). While capture is on, temporary triggers keep the first
 * image of every row a pending mutation touches (NULL for a row it created), so all pending
 * effects can be reverted before a pulled page is applied and re-run after it.
 */
export function installUndoTriggers(
  sqlite: BetterSqlite3.Database,
  tables: readonly string[],
  columns: Columns,
) {
  sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS capture (active INTEGER NOT NULL)');
  if (!sqlite.prepare('SELECT 1 FROM temp.capture').get()) sqlite.exec('INSERT INTO temp.capture VALUES (0)');
  for (const table of tables) {
    const key = keyColumn(columns(table));
    const image = `json_object(${columns(table)
      .map((c) => `'${c.name}', old."${c.name}"`)
      .join(', ')})`;
    const when = 'WHEN (SELECT active FROM temp.capture) = 1';
    // Not OR IGNORE: a trigger's conflict clause yields to the outer statement's.
    const insert = (rowKey: string, value: string) =>
      `INSERT INTO client_undo (tbl, rowKey, image) SELECT '${table}', CAST(${rowKey} AS TEXT), ${value}
       WHERE NOT EXISTS (SELECT 1 FROM client_undo WHERE tbl = '${table}' AND rowKey = CAST(${rowKey} AS TEXT));`;
    sqlite.exec(`
      CREATE TEMP TRIGGER IF NOT EXISTS undo_${table}_i AFTER INSERT ON main."${table}" ${when}
      BEGIN ${insert(`new."${key}"`, 'NULL')} END;
      CREATE TEMP TRIGGER IF NOT EXISTS undo_${table}_u BEFORE UPDATE ON main."${table}" ${when}
      BEGIN ${insert(`old."${key}"`, image)} END;
      CREATE TEMP TRIGGER IF NOT EXISTS undo_${table}_d BEFORE DELETE ON main."${table}" ${when}
      BEGIN ${insert(`old."${key}"`, image)} END;
    `);
  }
}

function keyColumn(columns: ColumnInfo[]): string {
  return columns.find((c) => c.pk)?.name ?? 'id';
}

export function setCapture(sqlite: BetterSqlite3.Database, active: boolean): void {
  prepared(sqlite, 'UPDATE temp.capture SET active = ?').run(active ? 1 : 0);
}

/**
 * Restores every captured row to its image (deleting rows that pending mutations created), in one
 * go: first all touched rows are removed, then the images are put back, so rows that swapped
 * times never collide in the claims tables. Runs inside the caller's transaction.
 */
export function revertAll(sqlite: BetterSqlite3.Database, columns: Columns): number {
  setCapture(sqlite, false);
  const entries = prepared(sqlite, 'SELECT tbl, rowKey, image FROM client_undo ORDER BY seq').all() as {
    tbl: string;
    rowKey: string;
    image: string | null;
  }[];
  for (const { tbl, rowKey } of entries) {
    const key = keyColumn(columns(tbl));
    prepared(sqlite, `DELETE FROM "${tbl}" WHERE "${key}" = ?`).run(rowKey);
  }
  const namesOf = new Map<string, string[]>();
  for (const { tbl, image } of entries) {
    if (image === null) continue;
    const row = JSON.parse(image) as Record<string, unknown>;
    let names = namesOf.get(tbl);
    if (!names) namesOf.set(tbl, (names = columns(tbl).map((c) => c.name)));
    prepared(
      sqlite,
      `INSERT OR REPLACE INTO "${tbl}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
    ).run(...names.map((n) => row[n] ?? null));
  }
  sqlite.exec('DELETE FROM client_undo');
  return entries.length;
}

const statements = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

/** Prepared once per replica and reused (a rebase reverts thousands of rows; capture flips per mutation). */
function prepared(sqlite: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
  let bySql = statements.get(sqlite);
  if (!bySql) statements.set(sqlite, (bySql = new Map<string, BetterSqlite3.Statement>()));
  let statement = bySql.get(sql);
  if (!statement) bySql.set(sql, (statement = sqlite.prepare(sql)));
  return statement;
}
