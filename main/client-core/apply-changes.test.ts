import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Change } from '@shared/contract/sync.contract';
import { localToInstant } from '@shared/rules/zoned-time';
import { pullChanges } from '@server/sync/pull';
import { insertDoctor, weekdaySchedule } from '@server/testing/fixtures';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { logAll } from '@main/client-core/testing/clinic';
import { applyChanges } from './apply-changes';
import { openReplica, type Replica } from './replica';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function freshReplica(): Replica {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-apply-'));
  const replica = openReplica(join(dir, 'replica.db'));
  cleanups.push(() => {
    replica.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return replica;
}

/**
 * A hub with settings, a doctor, patients, bookings (one cancelled), and a deleted record;
 * `walkIn`: and a walk-in queued between them (a slotless row).
 */
async function hubWithChanges(walkIn = false): Promise<{ hub: TestHub; changes: Change[] }> {
  const hub = await createTestHub();
  cleanups.push(() => hub.close());
  const reception = await hub.signIn('receptionist');
  const doctor = insertDoctor(hub.db, { sessionMinutes: 30, bufferOverride: { before: 0, after: 0 } });
  weekdaySchedule(hub.db, doctor.id);
  for (const entity of ['doctors', 'weekly_windows']) logAll(hub.db, entity);
  const patients: string[] = [];
  for (let i = 0; i < 6; i++) {
    const id = randomUUID();
    await hub.call(reception, 'patients.register', {
      id,
      details: { fullName: `Applied Patient ${i}`, sex: 'unknown', phone: `98765432${i}0` },
    });
    patients.push(id);
  }
  const booked: string[] = [];
  for (const [i, time] of ['09:00', '09:30', '10:00'].entries()) {
    const id = randomUUID();
    await hub.call(reception, 'appointments.book', {
      id,
      patientId: patients[i]!,
      doctorId: doctor.id,
      startsAt: localToInstant('2026-11-24', time, 'Asia/Kolkata'),
    });
    booked.push(id);
  }
  await hub.call(reception, 'appointments.cancel', { id: booked[1]!, reason: 'unwell' });
  if (walkIn) {
    await hub.call(reception, 'queue.walkIn', {
      appointmentId: randomUUID(),
      doctorId: doctor.id,
      patientId: patients[5]!,
      placement: 'queue',
    });
  }
  hub.db.sqlite
    .prepare("INSERT INTO changes (entity, entityId, op, at) VALUES ('patients', ?, 'delete', ?)")
    .run(randomUUID(), '2026-11-23T02:30:00.000Z');
  const actor = hub.core.authenticate(reception.token!, reception.deviceId);
  const page = pullChanges(hub.core, actor, null, {
    epoch: hub.core.identity().epoch,
    cursor: 0,
    limit: 5000,
  });
  return { hub, changes: page.changes };
}

/** Every synced row, the claims the triggers keep and the search index, table by table. */
function contentOf(replica: Replica): Record<string, unknown[]> {
  const { sqlite } = replica.db;
  const tables = ['settings', 'users', 'patients', 'doctors', 'weekly_windows', 'appointments'];
  const content: Record<string, unknown[]> = {};
  for (const table of [...tables, 'doctor_claims', 'patient_claims']) {
    content[table] = sqlite.prepare(`SELECT * FROM "${table}" ORDER BY 1, 2`).all();
  }
  content.search = sqlite
    .prepare(
      "SELECT p.id FROM patients_fts f JOIN patients p ON p.rowid = f.rowid WHERE patients_fts MATCH 'applied*' ORDER BY p.id",
    )
    .all();
  return content;
}

describe('applying pulled pages', () => {
  it('gives the same replica for a whole page at once (reused statements, relaxed commit) as change by change', async () => {
    const { changes } = await hubWithChanges();
    expect(changes.some((c) => c.entity === 'settings')).toBe(true);
    expect(changes.some((c) => c.op === 'delete')).toBe(true);

    const whole = freshReplica();
    whole.relaxed(() => whole.db.transaction(() => applyChanges(whole, changes)));

    const oneByOne = freshReplica();
    // Settings first, as a page does: clinic dates depend on the zone.
    const ordered = [
      ...changes.filter((c) => c.entity === 'settings'),
      ...changes.filter((c) => c.entity !== 'settings'),
    ];
    for (const change of ordered) oneByOne.db.transaction(() => applyChanges(oneByOne, [change]));

    const content = contentOf(whole);
    expect(content.patients).toHaveLength(6);
    expect(content.appointments).toHaveLength(3);
    expect(content.doctor_claims!.length).toBeGreaterThan(0);
    expect(content.search).toHaveLength(6);
    expect(content).toEqual(contentOf(oneByOne));
    // The relaxed commit leaves the replica in its durable mode for local changes.
    expect(whole.db.sqlite.pragma('synchronous', { simple: true })).toBe(2);

    // Applying the same page again (a re-pull after a lost commit) changes nothing.
    whole.db.transaction(() => applyChanges(whole, changes));
    expect(contentOf(whole)).toEqual(content);
  });

  it('stores each pulled appointment exactly as the hub stored it (both build rows with appointmentRow)', async () => {
    const { hub, changes } = await hubWithChanges(true);
    const replica = freshReplica();
    replica.db.transaction(() => applyChanges(replica, changes));
    const rows = (sqlite: Replica['db']['sqlite']) =>
      sqlite.prepare('SELECT * FROM appointments ORDER BY id').all() as { slotless: number }[];
    expect(
      rows(replica.db.sqlite)
        .map((row) => row.slotless)
        .sort(),
    ).toEqual([0, 0, 0, 1]);
    expect(rows(replica.db.sqlite)).toEqual(rows(hub.db.sqlite));
  });
});
