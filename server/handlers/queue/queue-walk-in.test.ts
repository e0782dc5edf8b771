import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalizePhone } from '@shared/rules/patient-identity';
import { insertPatient } from '@server/testing/fixtures';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { at, insertAppointment, type QueueWorld, queueWorld, TODAY } from '@server/testing/queue-fixtures';

let hub: TestHub;
let world: QueueWorld;

beforeEach(async () => {
  hub = await createTestHub();
  world = await queueWorld(hub);
});
afterEach(() => hub.close());

async function waitingTokens(): Promise<string[]> {
  const queue = await hub.call(world.reception, 'queue.list', { doctorId: world.doctor.id, date: TODAY });
  return queue.waiting.map((w) => w.entry.token);
}

describe('queue.walkIn', () => {
  it('registers a new patient and gives them the next free slot today', async () => {
    // Slots (30 min + buffers 5/5): 09:00 09:40 10:20 11:00 …; 10:20 is booked, and it is 10:12.
    insertAppointment(hub.db, { doctorId: world.doctor.id, time: '10:20' });
    hub.clock.set(at('10:12'));
    const appointmentId = randomUUID();
    const patientId = randomUUID();
    const result = await hub.call(world.reception, 'queue.walkIn', {
      appointmentId,
      doctorId: world.doctor.id,
      newPatient: { id: patientId, details: { fullName: 'Ravi Shankar Iyer', phone: '+91 98450 11111' } },
    });
    expect(result.appointment).toMatchObject({
      id: appointmentId,
      number: 'A-2026-000001',
      patientId,
      startsAt: at('11:00'),
      endsAt: at('11:30'),
      bufferBeforeMinutes: 5,
      bufferAfterMinutes: 5,
      status: 'CHECKED_IN',
      bookedVia: 'walk_in',
      type: 'NEW_VISIT',
    });
    expect(result.entry).toMatchObject({
      token: 'K-001',
      state: 'waiting',
      displayInitials: 'R.I.',
      patientId,
    });
    const patient = hub.db.sqlite
      .prepare('SELECT code, nameFolded, phoneNormalized FROM patients WHERE id = ?')
      .get(patientId);
    expect(patient).toEqual({
      code: 'PAT000001',
      nameFolded: 'ravi shankar iyer',
      phoneNormalized: normalizePhone('+91 98450 11111'),
    });
    const transitions = hub.db.sqlite
      .prepare('SELECT "from", "to" FROM status_transitions WHERE appointmentId = ? ORDER BY rowid')
      .all(appointmentId);
    expect(transitions).toEqual([
      { from: null, to: 'CONFIRMED' },
      { from: 'CONFIRMED', to: 'CHECKED_IN' },
    ]);
    // The slot is really taken: the doctor's time is claimed.
    const claims = hub.db.sqlite
      .prepare('SELECT count(*) AS n FROM doctor_claims WHERE appointmentId = ?')
      .get(appointmentId);
    expect(claims).toEqual({ n: 8 });
  });

  it('registers a walk-in like the desk does: recorded facts, and a possible duplicate kept in the audit', async () => {
    insertPatient(hub.db, { fullName: 'Ravi Shankar Iyer', phone: '+91 98450 22222' });
    hub.clock.set(at('10:12'));
    const patientId = randomUUID();
    await hub.call(world.reception, 'queue.walkIn', {
      appointmentId: randomUUID(),
      doctorId: world.doctor.id,
      newPatient: {
        id: patientId,
        details: { fullName: 'Ravi Shankar Iyer', phone: '+91 98450 22222', allergies: ['penicillin'] },
      },
    });
    const patient = hub.db.sqlite
      .prepare('SELECT allergiesRecorded FROM patients WHERE id = ?')
      .get(patientId);
    expect(patient).toEqual({ allergiesRecorded: 1 });
    const audit = hub.db.sqlite
      .prepare(`SELECT details FROM audit_log WHERE action = 'patients.register' AND entityId = ?`)
      .get(patientId) as { details: string };
    expect(JSON.parse(audit.details)).toMatchObject({
      via: 'walk_in',
      acknowledgedDuplicates: [expect.any(String)],
    });
  });

  it('says so when no slot is left today', async () => {
    hub.clock.set(at('16:45'));
    const patient = insertPatient(hub.db);
    await expect(
      hub.call(world.reception, 'queue.walkIn', {
        appointmentId: randomUUID(),
        doctorId: world.doctor.id,
        patientId: patient.id,
      }),
    ).rejects.toMatchObject({
      error: { code: 'POLICY', message: 'No free slot left today; queue the patient instead' + '.' },
    });
    expect(hub.db.sqlite.prepare('SELECT count(*) AS n FROM appointments').get()).toEqual({ n: 0 });
  });

  it('queues a walk-in behind the patients whose time has come but ahead of early arrivals', async () => {
    const onTime1 = insertAppointment(hub.db, { doctorId: world.doctor.id, time: '09:00' });
    const onTime2 = insertAppointment(hub.db, { doctorId: world.doctor.id, time: '09:30' });
    const early = insertAppointment(hub.db, { doctorId: world.doctor.id, time: '11:00' });
    for (const [time, appointmentId] of [
      ['08:55', onTime1],
      ['09:05', onTime2],
      ['09:10', early],
    ] as const) {
      hub.clock.set(at(time));
      await hub.call(world.reception, 'queue.checkIn', { appointmentId });
    }

    hub.clock.set(at('09:41'));
    const walkIn = await hub.call(world.reception, 'queue.walkIn', {
      appointmentId: randomUUID(),
      doctorId: world.doctor.id,
      patientId: insertPatient(hub.db).id,
      placement: 'queue',
    });
    expect(walkIn.entry).toMatchObject({ token: 'K-004', position: 2500 });
    // Holds no time of its own: starts at the next 5 minutes, one session long, claims nothing.
    expect(walkIn.appointment).toMatchObject({
      startsAt: at('09:45'),
      endsAt: at('10:15'),
      status: 'CHECKED_IN',
    });
    const row = hub.db.sqlite
      .prepare(
        'SELECT slotless, (SELECT count(*) FROM doctor_claims WHERE appointmentId = a.id) AS claims FROM appointments a WHERE id = ?',
      )
      .get(walkIn.appointment.id);
    expect(row).toEqual({ slotless: 1, claims: 0 });
    expect(await waitingTokens()).toEqual(['K-001', 'K-002', 'K-004', 'K-003']);

    // The next walk-in queues after the first one, still ahead of the early arrival.
    hub.clock.set(at('09:42'));
    await hub.call(world.reception, 'queue.walkIn', {
      appointmentId: randomUUID(),
      doctorId: world.doctor.id,
      newPatient: { id: randomUUID(), details: { fullName: 'Meena Das' } },
      placement: 'queue',
    });
    expect(await waitingTokens()).toEqual(['K-001', 'K-002', 'K-004', 'K-005', 'K-003']);
  });
});

describe('queue.walkIn — the time of a queued walk-in respects the doctor’s hours', () => {
  // The doctor works Mon–Fri 09:00–13:00 and 14:00–17:00 (a break at 13:00–14:00).
  async function queuedAt(time: string) {
    hub.clock.set(at(time));
    const { appointment } = await hub.call(world.reception, 'queue.walkIn', {
      appointmentId: randomUUID(),
      doctorId: world.doctor.id,
      patientId: insertPatient(hub.db).id,
      placement: 'queue',
    });
    return appointment.startsAt;
  }

  it('before hours: the start of the first window, not a time in the night', async () => {
    expect(await queuedAt('03:58')).toBe(at('09:00'));
  });

  it('in the break: the start of the afternoon window', async () => {
    expect(await queuedAt('13:20')).toBe(at('14:00'));
  });

  it('after hours: its own arrival time, rounded down to the 5-minute grid (no invented later time)', async () => {
    expect(await queuedAt('17:42')).toBe(at('17:40'));
  });

  it('on leave for the day: its arrival time', async () => {
    hub.db.run(
      hub.db.q.insertInto('schedule_exceptions').values({
        id: randomUUID(),
        doctorId: world.doctor.id,
        date: TODAY,
        kind: 'leave',
        window: null,
        reason: 'Conference',
      } as never),
    );
    expect(await queuedAt('10:03')).toBe(at('10:00'));
  });
});
