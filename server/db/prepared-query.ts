import type BetterSqlite3 from 'better-sqlite3';
import type { Compilable, Kysely } from 'kysely';
import { type Db, queryBuilder } from './database';
import type { Database } from './schema';

/** Stands for a named value while the query is built; replaced by the value at each call. */
class NamedParameter {
  constructor(readonly name: string) {}
}

export type ParameterOf<P> = <K extends keyof P & string>(name: K) => P[K];

export interface PreparedQuery<P, R> {
  /** The compiled SQL (compiled on first use). */
  readonly sql: string;
  all(db: Db, params: P): R[];
  first(db: Db, params: P): R | undefined;
  run(db: Db, params: P): BetterSqlite3.RunResult;
}

/**
 * A kysely query built and compiled once, with named parameters bound at each call: for the
 * statements every command runs (change log, audit chain, counters, sessions, lookups by id), where
 * building and compiling the query again each time costs more than executing it. The query stays
 * typed by kysely; `param(name)` marks where a value goes, and annotating it
 * (`(q, p: ParameterOf<{ id: string }>) => …`) types the call's parameters.
 */
export function preparedQuery<P extends object, R>(
  build: (q: Kysely<Database>, param: ParameterOf<P>) => Compilable<R>,
): PreparedQuery<P, R> {
  let compiled: { sql: string; bind: (params: P) => unknown[] } | undefined;
  const compile = () => {
    if (compiled) return compiled;
    const param = ((name: string) => new NamedParameter(name)) as unknown as ParameterOf<P>;
    const query = build(queryBuilder, param).compile();
    const slots = query.parameters.map((value) =>
      value instanceof NamedParameter ? (params: P) => params[value.name as keyof P] : () => value,
    );
    compiled = { sql: query.sql, bind: (params) => slots.map((slot) => slot(params)) };
    return compiled;
  };
  const statement = (db: Db, params: P) => {
    const { sql, bind } = compile();
    return { prepared: db.statement(sql), values: bind(params) };
  };
  return {
    get sql() {
      return compile().sql;
    },
    all(db, params) {
      const { prepared, values } = statement(db, params);
      return prepared.all(...values) as R[];
    },
    first(db, params) {
      const { prepared, values } = statement(db, params);
      return prepared.get(...values) as R | undefined;
    },
    run(db, params) {
      const { prepared, values } = statement(db, params);
      return prepared.run(...values);
    },
  };
}
