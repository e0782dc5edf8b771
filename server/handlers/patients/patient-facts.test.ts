import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '@server/db/database';
import { migrations } from '@server/db/migrations/index';
import { createTestHub, type TestHub } from '@server/testing/test-hub';

let hub: TestHub | undefined;
afterEach(() => hub?.close());

describe('estimated dates of birth and recorded allergies', () => {
  it('keeps an estimated date of birth estimated until a real one is given', async () => {
    hub = await createTestHub();
    const id = randomUUID();
    const estimated = await hub.call(hub.admin, 'patients.register', {
      id,
      details: { fullName: 'Ramesh Gowda', dateOfBirth: '1968-01-01', dateOfBirthEstimated: true },
    });
    expect(estimated).toMatchObject({ dateOfBirth: '1968-01-01', dateOfBirthEstimated: true });
    const row = hub.db.sqlite.prepare('SELECT dateOfBirthEstimated FROM patients WHERE id = ?').get(id);
    expect(row).toEqual({ dateOfBirthEstimated: 1 });

    // Changing only the phone keeps the estimate; giving a date without the flag makes it real.
    const phone = await hub.call(hub.admin, 'patients.update', {
      id,
      details: { phone: '+91 98450 11111' },
    });
    expect(phone.dateOfBirthEstimated).toBe(true);
    const real = await hub.call(hub.admin, 'patients.update', { id, details: { dateOfBirth: '1968-03-02' } });
    expect(real).toMatchObject({ dateOfBirth: '1968-03-02', dateOfBirthEstimated: false });
  });

  it('allergies are not recorded until someone records none known or a list', async () => {
    hub = await createTestHub();
    const unasked = await hub.call(hub.admin, 'patients.register', {
      id: randomUUID(),
      details: { fullName: 'Asha Rao' },
    });
    expect(unasked).toMatchObject({ allergies: [], allergiesRecorded: false });

    // A list is a record even when the flag is not given.
    const listed = await hub.call(hub.admin, 'patients.register', {
      id: randomUUID(),
      details: { fullName: 'Meera Iyer', allergies: ['Penicillin'] },
    });
    expect(listed.allergiesRecorded).toBe(true);

    const noneKnown = await hub.call(hub.admin, 'patients.update', {
      id: unasked.id,
      details: { allergies: [], allergiesRecorded: true },
    });
    expect(noneKnown).toMatchObject({ allergies: [], allergiesRecorded: true });
    const other = await hub.call(hub.admin, 'patients.update', {
      id: unasked.id,
      details: { address: 'MG Road' },
    });
    expect(other.allergiesRecorded).toBe(true);
  });

  it('migration 010: existing patients with no allergies become "not recorded", those with a list recorded', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clinic-010-'));
    const sqlite = new BetterSqlite3(join(dir, 'hub.db'));
    try {
      sqlite.exec('CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, appliedAt TEXT NOT NULL) STRICT');
      for (const migration of migrations.filter((m) => m.name < '010')) {
        sqlite.exec(migration.sql);
        sqlite.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(migration.name, 'x');
      }
      const insert = sqlite.prepare(
        `INSERT INTO patients (id, code, fullName, nameFolded, sex, allergies, createdAt, updatedAt)
         VALUES (?, ?, ?, ?, 'unknown', ?, 'x', 'x')`,
      );
      insert.run('p1', 'PAT000001', 'Asha Rao', 'asha rao', '[]');
      insert.run('p2', 'PAT000002', 'Meera Iyer', 'meera iyer', '["Sulfa"]');

      expect(migrate(sqlite)).toEqual(['010-patient-facts']);
      const rows = sqlite
        .prepare('SELECT id, allergiesRecorded, dateOfBirthEstimated FROM patients ORDER BY id')
        .all();
      expect(rows).toEqual([
        { id: 'p1', allergiesRecorded: 0, dateOfBirthEstimated: 0 },
        { id: 'p2', allergiesRecorded: 1, dateOfBirthEstimated: 0 },
      ]);
    } finally {
      sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
