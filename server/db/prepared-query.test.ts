import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from './database';
import { type ParameterOf, preparedQuery } from './prepared-query';

type Meta = { key: string; value: string };
const upsertMeta = preparedQuery((q, p: ParameterOf<Meta>) =>
  q
    .insertInto('hub_meta')
    .values({ key: p('key'), value: p('value') })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: p('value') })),
);
const metaFrom = preparedQuery((q, p: ParameterOf<{ from: string }>) =>
  q.selectFrom('hub_meta').select(['key', 'value']).where('key', '>=', p('from')).orderBy('key').limit(2),
);

describe('preparedQuery', () => {
  let dir: string;
  let db: Db;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'clinic-prepared-'));
    db = openDatabase(join(dir, 'clinic.db'));
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('binds named values at each call, a name used twice included, and keeps constants', () => {
    upsertMeta.run(db, { key: 'b', value: 'one' });
    upsertMeta.run(db, { key: 'b', value: 'two' });
    upsertMeta.run(db, { key: 'c', value: 'three' });
    upsertMeta.run(db, { key: 'd', value: 'four' });
    // The constant limit (2) is still bound; `from` is bound per call.
    expect(metaFrom.all(db, { from: 'b' })).toEqual([
      { key: 'b', value: 'two' },
      { key: 'c', value: 'three' },
    ]);
    expect(metaFrom.first(db, { from: 'd' })).toEqual({ key: 'd', value: 'four' });
    expect(metaFrom.first(db, { from: 'e' })).toBeUndefined();
  });

  it('compiles the same SQL as the query built directly, and prepares it once per database', () => {
    const direct = db.q
      .selectFrom('hub_meta')
      .select(['key', 'value'])
      .where('key', '>=', 'x')
      .orderBy('key')
      .limit(2)
      .compile();
    expect(metaFrom.sql).toBe(direct.sql);
    const statement = db.statement(direct.sql);
    metaFrom.all(db, { from: 'y' });
    expect(db.statement(metaFrom.sql)).toBe(statement);
  });

  it('runs inside the caller’s transaction and rolls back with it', () => {
    expect(() =>
      db.transaction(() => {
        upsertMeta.run(db, { key: 'k', value: 'kept?' });
        throw new Error('abort');
      }),
    ).toThrow('abort');
    expect(metaFrom.first(db, { from: 'k' })).toBeUndefined();
  });
});
