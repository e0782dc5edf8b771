import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  clinicPerTest,
  type Clinic,
  type Desktop,
  hubDown,
  hubUp,
  newDesktop,
  settled,
  signedIn,
  TEST_PASSWORD,
} from '@main/client-core/testing/clinic';

/** Gives the desktop's one signed-in user the sync client id `clientId` (closed desktop). */
function useClientId(desktop: Desktop, clientId: string): void {
  const sqlite = new Database(join(desktop.dir, 'replica.db'));
  try {
    sqlite.prepare('UPDATE client_users SET clientId = ?, nextMutationId = 1').run(clientId);
  } finally {
    sqlite.close();
  }
}

const patientsNamed = (clinic: Clinic, ...names: string[]) =>
  clinic.server.hub.db.sqlite
    .prepare(
      `SELECT id, code, provisionalCode FROM patients WHERE fullName IN (${names.map(() => '?').join(',')}) ORDER BY fullName`,
    )
    .all(...names) as { id: string; code: string; provisionalCode: string | null }[];

describe('provisional patient codes of two desktops', { timeout: 60_000 }, () => {
  const { desktops, start } = clinicPerTest();

  it('two desktops whose client ids end alike both register a patient offline: both arrive with real codes, both provisional codes stay searchable', async () => {
    const clinic = await start();
    const { url } = clinic.server;
    const first = newDesktop(url, 'front-desk');
    const second = newDesktop(url, 'back-desk');
    await signedIn(first, clinic.users.receptionist);
    await signedIn(second, clinic.users.receptionist2);
    for (const pc of [first, second]) await pc.close();
    // Random client ids that happen to share their last four characters.
    const tail = 'beef';
    for (const pc of [first, second]) useClientId(pc, `${randomUUID().slice(0, -4)}${tail}`);

    const port = await hubDown(clinic);
    const one = newDesktop(url, 'front-desk', first.dir);
    const two = newDesktop(url, 'back-desk', second.dir);
    desktops.push(one, two);
    await one.core.unlock(clinic.users.receptionist, TEST_PASSWORD);
    await two.core.unlock(clinic.users.receptionist2, TEST_PASSWORD);
    const kavya = await one.core.call('patients.register', {
      id: randomUUID(),
      details: { fullName: 'Kavya Rao', sex: 'female', phone: '+91 98450 11111' },
    });
    const ravi = await two.core.call('patients.register', {
      id: randomUUID(),
      details: { fullName: 'Ravi Menon', sex: 'male', phone: '+91 98450 22222' },
    });
    expect(kavya.code).toBe('TMP-BEEF-0001');
    expect(ravi.code).toBe(kavya.code); // the collision this test is about

    await hubUp(clinic, port);
    await settled([one, two]);
    for (const pc of [one, two]) expect(pc.core.needsAttention()).toEqual([]);

    const arrived = patientsNamed(clinic, 'Kavya Rao', 'Ravi Menon');
    expect(arrived.map((p) => p.id)).toEqual([kavya.id, ravi.id]);
    for (const p of arrived) expect(p.code).toMatch(/^PAT\d{6}$/);
    // Whichever arrived second keeps a variant of its code, still found by the code on its slip.
    const codes = arrived.map((p) => p.provisionalCode).sort();
    expect(codes).toEqual(['TMP-BEEF-0001', 'TMP-BEEF-0001-2']);
    for (const pc of [one, two]) {
      const found = await pc.core.call('patients.search', { text: 'TMP-BEEF-0001' });
      expect(found.map((p) => p.fullName).sort()).toEqual(['Kavya Rao', 'Ravi Menon']);
    }
  });
});
