import { randomUUID } from 'node:crypto';
import { foldName, normalizePhone, patientCode } from '@shared/rules/patient-identity';
import type { Db } from '@server/db/database';

const FIRST = [
  'Asha',
  'Ravi',
  'Priya',
  'Arjun',
  'Meera',
  'Kiran',
  'Sunita',
  'Vikram',
  'Lakshmi',
  'Rahul',
  'Anjali',
  'Suresh',
  'Deepa',
  'Manoj',
  'Kavya',
  'Arun',
  'Nisha',
  'Rajesh',
  'Pooja',
  'Sanjay',
  'José',
  'Zoë',
  'Fatima',
  'Imran',
];
const LAST = [
  'Rao',
  'Kumar',
  'Sharma',
  'Iyer',
  'Nair',
  'Reddy',
  'Patel',
  'Gupta',
  'Menon',
  'Das',
  'Khan',
  'Singh',
  'Pillai',
  'Joshi',
  'Verma',
  'Núñez',
  'Fernandes',
  'Bose',
  'Chatterjee',
  'Mehta',
];

/** Deterministic pseudo-random numbers, so every run measures the same data. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const NOW = '2026-11-01T00:00:00.000Z';

/** Bulk-inserts patients with the same columns registration writes (one transaction). */
export function insertPatients(db: Db, count: number, random = seededRandom(1)): string[] {
  const ids: string[] = [];
  const insert = db.sqlite.prepare(
    `INSERT INTO patients (id, code, fullName, nameFolded, dateOfBirth, sex, phone, phoneNormalized, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.sqlite.transaction(() => {
    for (let i = 1; i <= count; i++) {
      const name = `${FIRST[Math.floor(random() * FIRST.length)]} ${LAST[Math.floor(random() * LAST.length)]} ${i}`;
      const phone = `+91 9${String(Math.floor(random() * 1e9)).padStart(9, '0')}`;
      const id = randomUUID();
      const year = 1940 + Math.floor(random() * 80);
      insert.run(
        id,
        patientCode(i),
        name,
        foldName(name),
        `${year}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
        random() < 0.5 ? 'female' : 'male',
        phone,
        normalizePhone(phone),
        NOW,
        NOW,
      );
      ids.push(id);
    }
    db.sqlite
      .prepare(
        `INSERT INTO counters (name, value) VALUES ('patient', ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value`,
      )
      .run(count);
  })();
  return ids;
}

/**
 * Bulk-inserts past and future appointments spread over doctors and days, each on its own
 * 30-minute slot (the claims triggers still run), for slot and list queries at scale.
 */
export function insertAppointments(
  db: Db,
  doctorIds: string[],
  patientIds: string[],
  count: number,
  fromMs: number,
): void {
  const insert = db.sqlite.prepare(
    `INSERT INTO appointments (id, number, patientId, doctorId, startsAt, endsAt, startMs, endMs, clinicDate,
       bufferBeforeMinutes, bufferAfterMinutes, type, mode, status, bookedVia, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 'NEW_VISIT', 'IN_PERSON', ?, 'staff', ?, ?)`,
  );
  const slotMs = 30 * 60_000;
  const perDay = 16; // 09:00–17:00
  db.sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      const doctor = i % doctorIds.length;
      const k = Math.floor(i / doctorIds.length);
      const day = Math.floor(k / perDay);
      const slot = k % perDay;
      const startMs = fromMs + day * 86_400_000 + 3.5 * 3_600_000 + slot * slotMs; // from 09:00 IST
      const patientId = patientIds[(i * 7919) % patientIds.length]!;
      const start = new Date(startMs).toISOString();
      const clinicDate = new Date(startMs + 5.5 * 3_600_000).toISOString().slice(0, 10);
      try {
        insert.run(
          randomUUID(),
          `A-2026-${String(i + 1).padStart(7, '0')}`,
          patientId,
          doctorIds[doctor]!,
          start,
          new Date(startMs + slotMs).toISOString(),
          startMs,
          startMs + slotMs,
          clinicDate,
          startMs < Date.parse('2026-11-23T00:00:00Z') ? 'COMPLETED' : 'CONFIRMED',
          NOW,
          NOW,
        );
      } catch {
        // The same patient already booked at that moment with another doctor: skip it.
      }
    }
  })();
}
