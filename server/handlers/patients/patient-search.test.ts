import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { foldName, normalizePhone } from '@shared/rules/patient-identity';
import { insertPatient } from '@server/testing/fixtures';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { ftsPrefixQuery } from './patient-search';

let hub: TestHub;
afterEach(() => hub?.close());

async function seed() {
  hub = await createTestHub();
  const receptionist = await hub.signIn('receptionist');
  const register = (fullName: string, phone: string | null = null) =>
    hub.call(receptionist, 'patients.register', { id: randomUUID(), details: { fullName, phone } });
  const asha = await register('Asha Rao', '+91 98450 12345');
  const ashwin = await register('Ashwin Kumar Rao', '+91 99001 54321');
  const jose = await register('José Núñez', '+1 (415) 555-0100');
  const ravi = await register('Ravi Shankar', '080 2345 6789');
  const search = async (text: string) =>
    (await hub.call(receptionist, 'patients.search', { text })).map((p) => p.fullName).sort();
  return { receptionist, asha, ashwin, jose, ravi, search };
}

describe('patients.search', () => {
  it('finds by the prefix of any word of the name, ignoring case and accents', async () => {
    const { search } = await seed();
    expect(await search('ash')).toEqual(['Asha Rao', 'Ashwin Kumar Rao']);
    expect(await search('RAO')).toEqual(['Asha Rao', 'Ashwin Kumar Rao']);
    expect(await search('kum')).toEqual(['Ashwin Kumar Rao']);
    expect(await search('rao ash')).toEqual(['Asha Rao', 'Ashwin Kumar Rao']);
    expect(await search('asha r')).toEqual(['Asha Rao']);
    expect(await search('nunez')).toEqual(['José Núñez']);
    expect(await search('Núñez')).toEqual(['José Núñez']);
    expect(await search('JOSE')).toEqual(['José Núñez']);
    expect(await search('hwin')).toEqual([]); // a prefix of a word, not any substring
    expect(await search('ash zed')).toEqual([]);
    expect(await search('"*) OR near')).toEqual([]); // FTS syntax in the box is just text
  });

  it('finds by phone prefix and by the last digits, however the number is written', async () => {
    const { search } = await seed();
    expect(await search('98450 12345')).toEqual(['Asha Rao']);
    expect(await search('+91-98450-12345')).toEqual(['Asha Rao']);
    expect(await search('9845')).toEqual(['Asha Rao']);
    expect(await search('12345')).toEqual(['Asha Rao']);
    expect(await search('4321')).toEqual(['Ashwin Kumar Rao']);
    expect(await search('415 555 0100')).toEqual(['José Núñez']);
    expect(await search('0802345')).toEqual(['Ravi Shankar']);
    expect(await search('77777')).toEqual([]);
  });

  it('finds by code, exact first, and by provisional code', async () => {
    const { receptionist, asha, search } = await seed();
    expect(await hub.call(receptionist, 'patients.search', { text: 'pat000001' })).toEqual([asha]);
    expect(await search('PAT00000')).toHaveLength(4);
    const provisional = insertPatient(hub.db, {
      fullName: 'Offline Person',
      provisionalCode: 'TMP-7F3A-0001',
    });
    expect(await hub.call(receptionist, 'patients.search', { text: 'tmp-7f3a-0001' })).toEqual([provisional]);
    expect(await hub.call(receptionist, 'patients.search', { text: provisional.code })).toEqual([
      provisional,
    ]);
  });

  it('respects the limit', async () => {
    const { receptionist } = await seed();
    const found = await hub.call(receptionist, 'patients.search', { text: 'a', limit: 1 });
    expect(found).toHaveLength(1);
  });

  it('builds one quoted prefix term per word', () => {
    expect(ftsPrefixQuery(foldName('  Ásha  o’Rao '))).toBe('"asha"* "o"* "rao"*');
    expect(ftsPrefixQuery(foldName('!!'))).toBeNull();
  });
});

describe('patients.search at 100,000 patients', () => {
  it('answers name, phone and code searches through indexes (timings: npm run bench, search_p50_ms)', async () => {
    hub = await createTestHub();
    const receptionist = await hub.signIn('receptionist');
    const first = ['Asha', 'Ravi', 'Meera', 'Arjun', 'Kavya', 'Rohan', 'Sneha', 'Vikram', 'Anjali', 'Suresh'];
    const last = ['Rao', 'Kumar', 'Iyer', 'Nair', 'Reddy', 'Sharma', 'Patel', 'Gupta', 'Menon', 'Das'];
    const insert = hub.db.sqlite.prepare(
      `INSERT INTO patients (id, code, fullName, nameFolded, sex, phone, phoneNormalized, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, 'unknown', ?, ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
    );
    hub.db.transaction(() => {
      for (let i = 1; i <= 100_000; i++) {
        const name = `${first[i % 10]} ${last[Math.floor(i / 10) % 10]} ${first[Math.floor(i / 100) % 10]}${i}`;
        const phone = `9${String(i * 7919)
          .padStart(9, '0')
          .slice(-9)}`;
        insert.run(
          randomUUID(),
          `PAT${String(i).padStart(6, '0')}`,
          name,
          foldName(name),
          phone,
          normalizePhone(phone),
        );
      }
    });
    const search = (text: string) => hub.call(receptionist, 'patients.search', { text, limit: 20 });
    for (const text of [
      'a',
      'ash',
      'rao ash',
      'meera1234',
      'PAT0999',
      'PAT099999',
      '9000',
      '97919',
      '7919',
    ]) {
      expect((await search(text)).length, text).toBeGreaterThan(0);
    }
    expect((await search('meera iyer asha50')).every((p) => /^Meera Iyer Asha50/.test(p.fullName))).toBe(
      true,
    );
    const plan = (sqlText: string) =>
      (hub.db.sqlite.prepare(`EXPLAIN QUERY PLAN ${sqlText}`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join('\n');
    expect(
      plan("SELECT * FROM patients WHERE phoneNormalized >= '98' AND phoneNormalized < '98\uffff'"),
    ).toMatch(/USING INDEX patients_phone/);
    expect(plan("SELECT rowid FROM patients WHERE substr(phoneNormalized, -4) = '1234'")).toMatch(
      /COVERING INDEX patients_phone/,
    );
  }, 60_000);
});
