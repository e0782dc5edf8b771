import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '@server/db/database';
import { GroupCommit } from './group-commit';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function freshDb(): { db: Db; other: BetterSqlite3.Database } {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-group-'));
  const db = openDatabase(join(dir, 'clinic.db'));
  db.sqlite.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE)');
  const other = new BetterSqlite3(join(dir, 'clinic.db'), { readonly: true });
  cleanups.push(() => {
    other.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { db, other };
}

const insert = (db: Db, text: string) => () =>
  db.transaction(() => db.sqlite.prepare('INSERT INTO notes (text) VALUES (?)').run(text).lastInsertRowid);
const count = (connection: BetterSqlite3.Database) =>
  (connection.prepare('SELECT count(*) AS n FROM notes').get() as { n: number }).n;

describe('group commit', () => {
  it('runs operations submitted together in one commit, answering only after it', async () => {
    const { db, other } = freshDb();
    const group = new GroupCommit(db);
    const seenByOtherConnection: number[] = [];
    const results = await Promise.all([
      group.run(insert(db, 'a')),
      group.run(() => {
        seenByOtherConnection.push(count(other));
        return insert(db, 'b')();
      }),
      group.run(insert(db, 'c')),
    ]);
    expect(results).toEqual([1, 2, 3]);
    // Inside the group the first insert is not committed yet; afterwards all three are.
    expect(seenByOtherConnection).toEqual([0]);
    expect(count(other)).toBe(3);
  });

  it('rolls back a failing operation alone; the others of its group commit', async () => {
    const { db, other } = freshDb();
    const group = new GroupCommit(db);
    const outcomes = await Promise.allSettled([
      group.run(insert(db, 'a')),
      group.run(() =>
        db.transaction(() => {
          db.sqlite.prepare('INSERT INTO notes (text) VALUES (?)').run('half-written');
          db.sqlite.prepare('INSERT INTO notes (text) VALUES (?)').run('a'); // UNIQUE violation
        }),
      ),
      group.run(insert(db, 'c')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const texts = other.prepare('SELECT text FROM notes ORDER BY id').pluck().all();
    expect(texts).toEqual(['a', 'c']);
  });

  it('splits long queues into groups of at most the configured size', async () => {
    const { db, other } = freshDb();
    const group = new GroupCommit(db, 4);
    const committedBefore: number[] = [];
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        group.run(() => {
          committedBefore.push(count(other));
          return insert(db, `n${i}`)();
        }),
      ),
    );
    // Groups of 4, 4 and 2: each sees what earlier groups committed.
    expect(committedBefore).toEqual([0, 0, 0, 0, 4, 4, 4, 4, 8, 8]);
    expect(count(other)).toBe(10);
  });
});
