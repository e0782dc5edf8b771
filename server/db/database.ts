import BetterSqlite3 from 'better-sqlite3';
import {
  type Compilable,
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import { migrations } from './migrations/index';
import type { Database } from './schema';

export class DatabaseCorruptError extends Error {
  constructor(file: string, problems: string[]) {
    super(
      `The clinic database ${file} failed its integrity check and will not be served:\n  ` +
        problems.slice(0, 10).join('\n  ') +
        '\nRestore the latest backup (npm run hub -- restore <file>) or contact support.',
    );
    this.name = 'DatabaseCorruptError';
  }
}

/**
 * One SQLite database (the hub's, or a desktop's replica). Queries are built with kysely and
 * executed synchronously by better-sqlite3, so a command's transaction never interleaves with
 * another's and never awaits inside.
 */
export interface Db {
  readonly file: string;
  readonly sqlite: BetterSqlite3.Database;
  /** Query builder only: pass what it builds to all/first/run. */
  readonly q: Kysely<Database>;
  all<R>(query: Compilable<R>): R[];
  first<R>(query: Compilable<R>): R | undefined;
  run(query: Compilable<unknown>): BetterSqlite3.RunResult;
  /** The prepared statement for this SQL, prepared once per database (see prepared-query.ts). */
  statement(sql: string): BetterSqlite3.Statement;
  /** Runs fn in one IMMEDIATE transaction (nested calls become savepoints). */
  transaction<T>(fn: () => T): T;
  close(): void;
}

/** Builds queries; never executes them (the Db executes what it compiles). */
export const queryBuilder = new Kysely<Database>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

export interface OpenOptions {
  /** Skip PRAGMA integrity_check (only for throwaway databases in benchmarks). */
  skipIntegrityCheck?: boolean;
  readonly?: boolean;
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const sqlite = new BetterSqlite3(file, { readonly: options.readonly ?? false });
  try {
    if (!options.readonly) sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    if (!options.skipIntegrityCheck) assertIntegrity(sqlite, file);
    if (!options.readonly) migrate(sqlite);
  } catch (error) {
    sqlite.close();
    throw error;
  }

  const statements = new Map<string, BetterSqlite3.Statement>();
  const statement = (sql: string) => {
    let prepared = statements.get(sql);
    if (!prepared) {
      prepared = sqlite.prepare(sql);
      statements.set(sql, prepared);
    }
    return prepared;
  };
  const prepare = (query: Compilable<unknown>) => {
    const compiled = query.compile();
    return { statement: statement(compiled.sql), parameters: compiled.parameters as unknown[] };
  };

  return {
    file,
    sqlite,
    q: queryBuilder,
    statement,
    all<R>(query: Compilable<R>) {
      const { statement, parameters } = prepare(query);
      return statement.all(...parameters) as R[];
    },
    first<R>(query: Compilable<R>) {
      const { statement, parameters } = prepare(query);
      return statement.get(...parameters) as R | undefined;
    },
    run(query) {
      const { statement, parameters } = prepare(query);
      return statement.run(...parameters);
    },
    transaction<T>(fn: () => T): T {
      return sqlite.transaction(fn).immediate();
    },
    close() {
      statements.clear();
      if (sqlite.open) sqlite.close();
    },
  };
}

export function assertIntegrity(sqlite: BetterSqlite3.Database, file: string): void {
  let rows: { integrity_check: string }[];
  try {
    rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
  } catch (error) {
    throw new DatabaseCorruptError(file, [(error as Error).message]);
  }
  const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
  if (problems.length > 0) throw new DatabaseCorruptError(file, problems);
}

/** Applies the statically listed migrations not yet applied, each in its own transaction. */
export function migrate(sqlite: BetterSqlite3.Database): string[] {
  sqlite.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, appliedAt TEXT NOT NULL) STRICT',
  );
  const applied = new Set(
    (sqlite.prepare('SELECT name FROM schema_migrations').all() as { name: string }[]).map((r) => r.name),
  );
  const known = new Set(migrations.map((m) => m.name));
  const unknown = [...applied].filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new Error(
      `This database was written by a newer version of Clinic (migrations ${unknown.join(', ')}); ` +
        'update the app before opening it.',
    );
  }
  const ran: string[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.name)) continue;
    sqlite.transaction(() => {
      sqlite.exec(migration.sql);
      sqlite
        .prepare('INSERT INTO schema_migrations (name, appliedAt) VALUES (?, ?)')
        .run(migration.name, new Date().toISOString());
    })();
    ran.push(migration.name);
  }
  return ran;
}
