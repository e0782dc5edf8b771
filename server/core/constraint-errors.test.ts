import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { failureOf } from '@server/testing/failure';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { constraintFailure } from './constraint-errors';

/** The error a real SQLite statement throws. */
function sqliteError(sql: string): unknown {
  const db = new Database(':memory:');
  try {
    db.pragma('foreign_keys = ON');
    db.exec(`CREATE TABLE people (id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL DEFAULT 'a' CHECK (kind IN ('a','b')), parentId TEXT REFERENCES people(id),
      x TEXT, y TEXT, UNIQUE (x, y))`);
    db.exec("INSERT INTO people (id, code, x, y) VALUES ('1', 'C1', 'p', 'q')");
    db.exec(sql);
  } catch (error) {
    return error;
  } finally {
    db.close();
  }
  throw new Error(`${sql} did not fail`);
}

let hub: TestHub | undefined;
afterEach(() => hub?.close());

describe('database constraint failures', () => {
  it('reach the caller of an operation as a clear error naming the field; nothing is saved', async () => {
    hub = await createTestHub();
    // A rule only the database knows (no handler checks it).
    hub.db.sqlite.exec('CREATE UNIQUE INDEX test_patients_email ON patients(email)');
    const register = (fullName: string) =>
      hub!.call(hub!.admin, 'patients.register', {
        id: randomUUID(),
        details: { fullName, email: 'family@example.in' },
      });
    await register('Asha Rao');
    const count = () => hub!.db.sqlite.prepare('SELECT count(*) AS n FROM patients').get();
    const before = count();
    const error = await failureOf(register('Ravi Kumar'));
    expect(error.code).toBe('CONFLICT');
    expect(error.fields).toEqual([{ field: 'email', message: 'is already used by another record' }]);
    expect(count()).toEqual(before);
  });

  it('become errors naming the field, never INTERNAL', () => {
    const cases: [string, string, string[]][] = [
      ["INSERT INTO people (id, code) VALUES ('2', 'C1')", 'CONFLICT', ['code']],
      ["INSERT INTO people (id, code) VALUES ('1', 'C2')", 'CONFLICT', ['id']],
      ["INSERT INTO people (id, code, x, y) VALUES ('2', 'C2', 'p', 'q')", 'CONFLICT', ['x', 'y']],
      ["INSERT INTO people (id) VALUES ('2')", 'VALIDATION', ['code']],
      ["INSERT INTO people (id, code, kind) VALUES ('2', 'C2', 'z')", 'VALIDATION', ['kind']],
    ];
    for (const [sql, code, fields] of cases) {
      const error = constraintFailure(sqliteError(sql))?.error;
      expect(error?.code, sql).toBe(code);
      expect(error?.fields?.map((f) => f.field)).toEqual(fields);
      for (const field of fields) expect(error?.message).toContain(field);
    }
    const reference = constraintFailure(
      sqliteError("INSERT INTO people (id, code, parentId) VALUES ('2', 'C2', '9')"),
    );
    expect(reference?.error.code).toBe('VALIDATION');
    expect(reference?.error.message).toMatch(/does not exist/);
  });

  it('leaves other errors to the caller', () => {
    expect(constraintFailure(new Error('disk I/O error'))).toBeNull();
    expect(constraintFailure(sqliteError('SELECT * FROM nowhere'))).toBeNull();
    expect(constraintFailure(undefined)).toBeNull();
  });
});
