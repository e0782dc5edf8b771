import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase } from './backup';
import { DatabaseCorruptError, type Db, openDatabase } from './database';

const dirs: string[] = [];
const open: Db[] = [];
function freshDb(): Db {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-db-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'clinic.db'));
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const now = '2026-11-23T03:00:00.000Z';
const minute = 60_000;
const base = Date.parse('2026-11-23T03:30:00.000Z'); // 09:00 in Kolkata

function seed(db: Db) {
  const insertPatient = db.sqlite.prepare(
    `INSERT INTO patients (id, code, fullName, nameFolded, sex, createdAt, updatedAt) VALUES (?, ?, ?, ?, 'unknown', ?, ?)`,
  );
  insertPatient.run('p1', 'PAT000001', 'Asha Rao', 'asha rao', now, now);
  insertPatient.run('p2', 'PAT000002', 'Ravi Kumar', 'ravi kumar', now, now);
  const insertDoctor = db.sqlite.prepare(
    `INSERT INTO doctors (id, fullName, specialization, registrationNumber, fees, sessionMinutes, tokenPrefix)
     VALUES (?, ?, 'GP', 'R-1', '{"newVisit":50000,"followUp":30000}', 30, 'K')`,
  );
  insertDoctor.run('d1', 'Dr One');
  insertDoctor.run('d2', 'Dr Two');
}

/** Inserts an appointment with raw SQL: no application check is involved. */
function rawAppointment(
  db: Db,
  id: string,
  doctorId: string,
  patientId: string,
  startOffsetMin: number,
  opts = { before: 5, after: 5, minutes: 30 },
) {
  const startMs = base + startOffsetMin * minute;
  const endMs = startMs + opts.minutes * minute;
  db.sqlite
    .prepare(
      `INSERT INTO appointments (id, patientId, doctorId, startsAt, endsAt, startMs, endMs, clinicDate,
        bufferBeforeMinutes, bufferAfterMinutes, type, mode, status, bookedVia, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, '2026-11-23', ?, ?, 'NEW_VISIT', 'IN_PERSON', 'CONFIRMED', 'staff', ?, ?)`,
    )
    .run(
      id,
      patientId,
      doctorId,
      new Date(startMs).toISOString(),
      new Date(endMs).toISOString(),
      startMs,
      endMs,
      opts.before,
      opts.after,
      now,
      now,
    );
}

describe('hub database', () => {
  it('opens with WAL, synchronous=FULL, foreign keys and a busy timeout, migrated', () => {
    const db = freshDb();
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    const names = db.sqlite.prepare('SELECT name FROM schema_migrations ORDER BY name').all();
    expect(names).toEqual([
      { name: '001-core' },
      { name: '002-clinic' },
      { name: '003-care' },
      { name: '004-replica-reads' },
      { name: '005-device-outbox' },
      { name: '006-sync-client-binding' },
      { name: '007-draft-conflicts' },
      { name: '008-signing-times' },
      { name: '009-messages' },
      { name: '010-patient-facts' },
      { name: '011-formulary' },
      { name: '012-leave-requests' },
      { name: '013-device-names' },
      { name: '014-displays' },
      { name: '015-display-rooms' },
      { name: '016-display-qr' },
      { name: '017-account-codes' },
      { name: '018-web-push' },
    ]);
  });

  it('refuses to serve a corrupt file, with a clear message', () => {
    const db = freshDb();
    seed(db);
    for (let i = 0; i < 300; i++) {
      db.sqlite.prepare(`INSERT INTO hub_meta (key, value) VALUES (?, ?)`).run(`k${i}`, 'x'.repeat(200));
    }
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const file = db.file;
    db.close();
    const bytes = readFileSync(file);
    // Overwrite the middle pages (not the header) with garbage.
    bytes.fill(0x5a, 4096 * 3, Math.min(bytes.length, 4096 * 9));
    writeFileSync(file, bytes);
    expect(() => openDatabase(file)).toThrow(DatabaseCorruptError);
    expect(() => openDatabase(file)).toThrow(/integrity check.*Restore the latest backup/s);
  });

  it('refuses a doctor overlap, buffers included, even when application checks are bypassed', () => {
    const db = freshDb();
    seed(db);
    rawAppointment(db, 'a1', 'd1', 'p1', 0); // 09:00–09:30, occupies 08:55–09:35
    // 09:35 starts inside a1's buffer (its occupied 09:30–10:10 overlaps 08:55–09:35).
    expect(() => rawAppointment(db, 'a2', 'd1', 'p2', 35)).toThrow(/UNIQUE constraint failed: doctor_claims/);
    rawAppointment(db, 'a3', 'd1', 'p2', 40); // 09:40: occupied from 09:35, touching: allowed
    expect(() => rawAppointment(db, 'a4', 'd1', 'p2', 10, { before: 0, after: 0, minutes: 15 })).toThrow(
      /doctor_claims/,
    );
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM appointments').get()).toEqual({ n: 2 });
  });

  it('refuses a patient overlap across doctors', () => {
    const db = freshDb();
    seed(db);
    rawAppointment(db, 'a1', 'd1', 'p1', 0);
    expect(() => rawAppointment(db, 'a2', 'd2', 'p1', 15)).toThrow(
      /UNIQUE constraint failed: patient_claims/,
    );
    rawAppointment(db, 'a3', 'd2', 'p1', 30); // right after: fine for the patient
  });

  it('releases claims on cancel and re-checks them when an appointment is reactivated or moved', () => {
    const db = freshDb();
    seed(db);
    rawAppointment(db, 'a1', 'd1', 'p1', 0);
    db.sqlite.prepare(`UPDATE appointments SET status = 'CANCELLED' WHERE id = 'a1'`).run();
    rawAppointment(db, 'a2', 'd1', 'p2', 0);
    expect(() =>
      db.sqlite.prepare(`UPDATE appointments SET status = 'CONFIRMED' WHERE id = 'a1'`).run(),
    ).toThrow(/doctor_claims/);
    expect(db.sqlite.prepare(`SELECT status FROM appointments WHERE id = 'a1'`).get()).toEqual({
      status: 'CANCELLED',
    });
    const move = base + 120 * minute;
    db.sqlite
      .prepare(`UPDATE appointments SET startMs = ?, endMs = ? WHERE id = 'a2'`)
      .run(move, move + 30 * minute);
    db.sqlite.prepare(`UPDATE appointments SET status = 'CONFIRMED' WHERE id = 'a1'`).run();
    const claims = db.sqlite
      .prepare(`SELECT appointmentId, count(*) AS n FROM doctor_claims GROUP BY appointmentId ORDER BY 1`)
      .all();
    expect(claims).toEqual([
      { appointmentId: 'a1', n: 8 },
      { appointmentId: 'a2', n: 8 },
    ]);
  });

  it('refuses times and buffers off the 5-minute grid', () => {
    const db = freshDb();
    seed(db);
    expect(() => rawAppointment(db, 'a1', 'd1', 'p1', 3)).toThrow(/CHECK constraint failed/);
    expect(() => rawAppointment(db, 'a1', 'd1', 'p1', 0, { before: 3, after: 5, minutes: 30 })).toThrow(
      /CHECK/,
    );
  });

  it('keeps signed consultations and the audit log append-only', () => {
    const db = freshDb();
    seed(db);
    rawAppointment(db, 'a1', 'd1', 'p1', 0);
    db.sqlite
      .prepare(
        `INSERT INTO consultations (id, appointmentId, patientId, doctorId, status, vitals, diagnosis, signedBy, signedAt, createdAt, updatedAt)
         VALUES ('c1', 'a1', 'p1', 'd1', 'finalized', '{}', '{}', 'u1', ?, ?, ?)`,
      )
      .run(now, now, now);
    expect(() => db.sqlite.prepare(`UPDATE consultations SET advice = 'x' WHERE id = 'c1'`).run()).toThrow(
      /add an addendum/,
    );
    expect(() => db.sqlite.prepare(`DELETE FROM consultations`).run()).toThrow(/never deleted/);
    db.sqlite
      .prepare(
        `INSERT INTO audit_log (seq, at, deviceId, kind, action, entity, details, prevHash, hash) VALUES (1, ?, 'd', 'change', 'x', 'y', '{}', 'a', 'b')`,
      )
      .run(now);
    expect(() => db.sqlite.prepare(`UPDATE audit_log SET action = 'z'`).run()).toThrow(/append-only/);
    expect(() => db.sqlite.prepare(`DELETE FROM audit_log`).run()).toThrow(/append-only/);
  });

  it('backs up online and restores with a new epoch', async () => {
    const db = freshDb();
    seed(db);
    db.sqlite.prepare(`INSERT INTO hub_meta (key, value) VALUES ('epoch', '3')`).run();
    const backup = join(db.file, '..', 'backup.db');
    await backupDatabase(db.sqlite, backup);
    await expect(backupDatabase(db.sqlite, backup)).rejects.toThrow(/already exists/);
    expect(statSync(backup).size).toBeGreaterThan(0);
    db.sqlite.prepare(`DELETE FROM patients WHERE id = 'p2'`).run();
    db.close();

    const { epoch } = restoreDatabase(backup, db.file);
    expect(epoch).toBe(4);
    const restored = openDatabase(db.file);
    open.push(restored);
    expect(restored.sqlite.prepare('SELECT count(*) AS n FROM patients').get()).toEqual({ n: 2 });
    expect(restored.sqlite.prepare(`SELECT value FROM hub_meta WHERE key = 'epoch'`).get()).toEqual({
      value: '4',
    });
  });

  it('runs kysely-built queries synchronously in one transaction', () => {
    const db = freshDb();
    seed(db);
    expect(() =>
      db.transaction(() => {
        db.run(db.q.updateTable('patients').set({ fullName: 'Changed' }).where('id', '=', 'p1'));
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(db.first(db.q.selectFrom('patients').select('fullName').where('id', '=', 'p1'))).toEqual({
      fullName: 'Asha Rao',
    });
    expect(db.all(db.q.selectFrom('doctors').select('id').orderBy('id'))).toEqual([
      { id: 'd1' },
      { id: 'd2' },
    ]);
  });
});
