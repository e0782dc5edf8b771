import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { insertDoctor, insertPatient } from '@server/testing/fixtures';
import { failureOf } from '@server/testing/failure';
import { patientCaller } from '@server/testing/patient-caller';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { count } from '@server/testing/clinic-fixtures';

let hub: TestHub;
afterEach(() => hub?.close());

const asha = { fullName: 'Asha Rao', phone: '+91 98450 12345', dateOfBirth: '1990-04-01' };

describe('patients.register', () => {
  it('assigns PAT000001, PAT000002 … in order and never reuses a code', async () => {
    hub = await createTestHub();
    const first = await hub.call(hub.admin, 'patients.register', { id: randomUUID(), details: asha });
    const second = await hub.call(hub.admin, 'patients.register', {
      id: randomUUID(),
      details: { fullName: 'Ravi Kumar' },
    });
    expect([first.code, second.code]).toEqual(['PAT000001', 'PAT000002']);
    expect(first).toMatchObject({ ...asha, provisionalCode: null, sex: 'unknown', allergies: [] });

    // A refused registration does not consume a code; a removed record does not free its code.
    await failureOf(hub.call(hub.admin, 'patients.register', { id: randomUUID(), details: asha }));
    hub.db.sqlite.prepare('DELETE FROM patients WHERE id = ?').run(second.id);
    const third = await hub.call(hub.admin, 'patients.register', {
      id: randomUUID(),
      details: { fullName: 'Meera Iyer' },
    });
    expect(third.code).toBe('PAT000003');

    const stored = hub.db.sqlite
      .prepare('SELECT nameFolded, phoneNormalized FROM patients WHERE id = ?')
      .get(first.id);
    expect(stored).toEqual({ nameFolded: 'asha rao', phoneNormalized: '9845012345' });
    const audit = hub.db.sqlite
      .prepare("SELECT patientId FROM audit_log WHERE action = 'patients.register' ORDER BY seq")
      .all();
    expect(audit).toEqual([{ patientId: first.id }, { patientId: second.id }, { patientId: third.id }]);
    const changes = hub.db.sqlite
      .prepare("SELECT entityId FROM changes WHERE entity = 'patients' AND entityId = ?")
      .all(first.id);
    expect(changes).toHaveLength(1);
  });

  it('warns about the same name + phone or name + date of birth, accent- and case-insensitively', async () => {
    hub = await createTestHub();
    const existing = await hub.call(hub.admin, 'patients.register', {
      id: randomUUID(),
      details: { fullName: 'José Núñez', phone: '09845012345', dateOfBirth: '1985-06-15' },
    });

    const byPhone = await failureOf(
      hub.call(hub.admin, 'patients.register', {
        id: randomUUID(),
        details: { fullName: 'JOSE nunez', phone: '+91 98450-12345' },
      }),
    );
    expect(byPhone.code).toBe('CONFLICT');
    expect(byPhone.message).toContain('PAT000001 José Núñez');
    expect(byPhone.message).toContain('same name and phone');

    const byBirth = await failureOf(
      hub.call(hub.admin, 'patients.register', {
        id: randomUUID(),
        details: { fullName: 'jose  NÚÑEZ', dateOfBirth: '1985-06-15', phone: '+91 90000 00000' },
      }),
    );
    expect(byBirth.message).toContain('same name and date of birth');
    expect(count(hub, 'patients')).toBe(1);

    const candidates = await hub.call(hub.admin, 'patients.checkDuplicates', {
      fullName: 'Jose Nunez',
      phone: '9845012345',
      dateOfBirth: '1985-06-15',
    });
    expect(candidates).toEqual([{ patient: existing, matchedOn: ['name+phone', 'name+dateOfBirth'] }]);
    expect(
      await hub.call(hub.admin, 'patients.checkDuplicates', { fullName: 'Jose Nunez', phone: '9845099999' }),
    ).toEqual([]);
    expect(
      await hub.call(hub.admin, 'patients.checkDuplicates', {
        fullName: 'Josie Nunez',
        dateOfBirth: '1985-06-15',
      }),
    ).toEqual([]);

    const acknowledged = await hub.call(hub.admin, 'patients.register', {
      id: randomUUID(),
      details: { fullName: 'JOSE nunez', phone: '+91 98450-12345' },
      acknowledgeDuplicates: true,
    });
    expect(acknowledged.code).toBe('PAT000002');
    const audit = hub.db.sqlite
      .prepare("SELECT details FROM audit_log WHERE action = 'patients.register' AND patientId = ?")
      .get(acknowledged.id) as { details: string };
    expect(JSON.parse(audit.details)).toEqual({ code: 'PAT000002', acknowledgedDuplicates: ['PAT000001'] });
  });

  it('names bad fields and writes nothing', async () => {
    hub = await createTestHub();
    const receptionist = await hub.signIn('receptionist');
    const error = await failureOf(
      hub.call(receptionist, 'patients.register', {
        id: 'nope',
        details: { fullName: '  ', phone: 'call me', dateOfBirth: '1990-02-30', bloodGroup: 'Z' as never },
      }),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.fields?.map((f) => f.field).sort()).toEqual([
      'details.bloodGroup',
      'details.dateOfBirth',
      'details.fullName',
      'details.phone',
      'id',
    ]);
    expect(count(hub, 'patients')).toBe(0);
    expect(hub.db.sqlite.prepare("SELECT * FROM counters WHERE name = 'patient'").get()).toBeUndefined();
  });

  it('refuses a second registration with the same id', async () => {
    hub = await createTestHub();
    const id = randomUUID();
    await hub.call(hub.admin, 'patients.register', { id, details: { fullName: 'Asha Rao' } });
    const again = await failureOf(
      hub.call(hub.admin, 'patients.register', { id, details: { fullName: 'Someone Else' } }),
    );
    expect(again.code).toBe('CONFLICT');
  });
});

describe('patients.update', () => {
  it('changes demographics, recomputes the search keys and audits with the patient', async () => {
    hub = await createTestHub();
    const patient = await hub.call(hub.admin, 'patients.register', { id: randomUUID(), details: asha });
    hub.clock.advance(5);
    const updated = await hub.call(hub.admin, 'patients.update', {
      id: patient.id,
      details: {
        ...asha,
        fullName: 'Asha Rao-Kulkarni',
        phone: '+91 99000 11111',
        allergies: ['Penicillin'],
      },
    });
    expect(updated).toMatchObject({
      code: 'PAT000001',
      fullName: 'Asha Rao-Kulkarni',
      allergies: ['Penicillin'],
    });
    expect(updated.updatedAt).not.toBe(patient.updatedAt);
    expect(
      hub.db.sqlite.prepare('SELECT nameFolded, phoneNormalized FROM patients WHERE id = ?').get(patient.id),
    ).toEqual({ nameFolded: 'asha rao kulkarni', phoneNormalized: '9900011111' });
    expect(await hub.call(hub.admin, 'patients.search', { text: 'kulk' })).toEqual([updated]);
    const audit = hub.db.sqlite
      .prepare("SELECT patientId, details FROM audit_log WHERE action = 'patients.update'")
      .get() as { patientId: string; details: string };
    expect(audit.patientId).toBe(patient.id);
    expect(JSON.parse(audit.details)).toEqual({
      fields: ['fullName', 'phone', 'allergies', 'allergiesRecorded'],
    });
  });

  it('lets a patient update only their own record', async () => {
    hub = await createTestHub();
    const own = insertPatient(hub.db, { fullName: 'Asha Rao' });
    const other = insertPatient(hub.db, { fullName: 'Ravi Kumar' });
    const session = patientCaller(hub, own.id);
    const { id: _id, code: _c, provisionalCode: _p, createdAt: _a, updatedAt: _u, ...details } = own;
    const updated = await hub.call(session, 'patients.update', {
      id: own.id,
      details: { ...details, email: 'asha@example.com' },
    });
    expect(updated.email).toBe('asha@example.com');
    const refused = await failureOf(
      hub.call(session, 'patients.update', { id: other.id, details: { ...details, fullName: 'Hacked' } }),
    );
    expect(refused.code).toBe('NOT_FOUND');
    expect(hub.db.sqlite.prepare('SELECT fullName FROM patients WHERE id = ?').get(other.id)).toEqual({
      fullName: 'Ravi Kumar',
    });
  });
});

describe('patient access', () => {
  it('a patient reads themselves; another patient id is NOT_FOUND, like a missing one', async () => {
    hub = await createTestHub();
    const own = insertPatient(hub.db, { fullName: 'Asha Rao' });
    const other = insertPatient(hub.db, { fullName: 'Ravi Kumar' });
    const session = patientCaller(hub, own.id);

    expect(await hub.call(session, 'patients.me', {})).toEqual(own);
    expect(await hub.call(session, 'patients.get', { id: own.id })).toEqual(own);
    const notYours = await failureOf(hub.call(session, 'patients.get', { id: other.id }));
    const missing = await failureOf(hub.call(session, 'patients.get', { id: randomUUID() }));
    expect(notYours).toEqual(missing);
    expect(notYours.code).toBe('NOT_FOUND');
    expect((await failureOf(hub.call(session, 'patients.search', { text: 'ravi' }))).code).toBe('FORBIDDEN');
    expect((await failureOf(hub.call(session, 'patients.profile', { id: own.id }))).code).toBe('FORBIDDEN');
    // Staff have no patient record of their own.
    expect((await failureOf(hub.call(hub.admin, 'patients.me', {}))).code).toBe('FORBIDDEN');
  });
});

describe('patients.profile', () => {
  it('shows age on the clinic’s today, appointments newest first and bills with items', async () => {
    // 2026-11-22 20:00Z is already 23 November in Kolkata: Asha turns 36 there, not yet in UTC.
    hub = await createTestHub({ now: '2026-11-22T20:00:00.000Z' });
    const patient = insertPatient(hub.db, { dateOfBirth: '1990-11-23' });
    const doctor = insertDoctor(hub.db);
    const insert = hub.db.sqlite.prepare(
      `INSERT INTO appointments (id, patientId, doctorId, startsAt, endsAt, startMs, endMs, clinicDate,
        bufferBeforeMinutes, bufferAfterMinutes, type, mode, status, bookedVia, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 'NEW_VISIT', 'IN_PERSON', ?, 'staff', ?, ?)`,
    );
    const at = (iso: string) => Date.parse(iso);
    const older = randomUUID();
    const newer = randomUUID();
    for (const [id, start, status] of [
      [older, '2026-10-01T04:00:00.000Z', 'COMPLETED'],
      [newer, '2026-11-30T04:00:00.000Z', 'CONFIRMED'],
    ] as const) {
      const end = new Date(at(start) + 30 * 60_000).toISOString();
      insert.run(
        id,
        patient.id,
        doctor.id,
        start,
        end,
        at(start),
        at(end),
        start.slice(0, 10),
        status,
        start,
        start,
      );
    }
    const billId = randomUUID();
    hub.db.sqlite
      .prepare(
        `INSERT INTO bills (id, number, patientId, appointmentId, doctorId, currency, discount, subtotal,
          discountTotal, total, paid, outstanding, status, createdAt, updatedAt)
         VALUES (?, 'B-2026-000001', ?, ?, ?, 'INR', NULL, 50000, 0, 50000, 20000, 30000, 'PARTIALLY_PAID', ?, ?)`,
      )
      .run(billId, patient.id, older, doctor.id, '2026-10-01T05:00:00.000Z', '2026-10-01T05:00:00.000Z');
    const itemId = randomUUID();
    hub.db.sqlite
      .prepare(
        `INSERT INTO bill_items (id, billId, position, kind, description, quantity, unitPrice)
         VALUES (?, ?, 0, 'consultation', 'Consultation', 1, 50000)`,
      )
      .run(itemId, billId);

    const receptionist = await hub.signIn('receptionist');
    const profile = await hub.call(receptionist, 'patients.profile', { id: patient.id });
    expect(profile.patient).toEqual(patient);
    expect(profile.ageYears).toBe(36);
    expect(profile.appointments.map((a) => a.id)).toEqual([newer, older]);
    expect(profile.bills).toHaveLength(1);
    expect(profile.bills[0]).toMatchObject({
      id: billId,
      outstanding: 30000,
      discount: null,
      items: [{ id: itemId, kind: 'consultation', quantity: 1, unitPrice: 50000 }],
    });
    expect((await failureOf(hub.call(receptionist, 'patients.profile', { id: randomUUID() }))).code).toBe(
      'NOT_FOUND',
    );
  });
});
