import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { insertDoctor, insertPatient } from '@server/testing/fixtures';
import { failureOf } from '@server/testing/failure';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { count, insertAppointment, rows } from '@server/testing/clinic-fixtures';

let hub: TestHub;
afterEach(() => hub?.close());

const kavita = {
  fullName: 'Dr Kavita Menon',
  specialization: 'General Physician',
  registrationNumber: 'KMC-12345',
  fees: { newVisit: 50_000, followUp: 30_000 },
};

describe('settings', () => {
  it('reads and updates the clinic settings, logging the change for sync', async () => {
    hub = await createTestHub();
    const settings = await hub.call(hub.admin, 'settings.get', {});
    const logged = rows(hub, "SELECT seq FROM changes WHERE entity = 'settings'").length;
    expect(settings).toMatchObject({
      clinicName: 'Sunrise Clinic',
      timeZone: 'Asia/Kolkata',
      currency: 'INR',
    });
    const updated = await hub.call(hub.admin, 'settings.update', {
      ...settings,
      bookingNeedsConfirmation: true,
      defaultBuffers: { before: 0, after: 10 },
    });
    expect(updated).toEqual({
      ...settings,
      bookingNeedsConfirmation: true,
      defaultBuffers: { before: 0, after: 10 },
    });
    expect(await hub.call(hub.admin, 'settings.get', {})).toEqual(updated);
    expect(rows(hub, "SELECT entityId FROM changes WHERE entity = 'settings'")).toHaveLength(logged + 1);
    const audit = rows<{ details: string }>(
      hub,
      "SELECT details FROM audit_log WHERE action = 'settings.update'",
    );
    expect(JSON.parse(audit[0]!.details)).toEqual({ fields: ['bookingNeedsConfirmation', 'defaultBuffers'] });
  });

  it('refuses a bad time zone naming timeZone, and writes nothing', async () => {
    hub = await createTestHub();
    const settings = await hub.call(hub.admin, 'settings.get', {});
    const changes = count(hub, 'changes');
    const error = await failureOf(
      hub.call(hub.admin, 'settings.update', { ...settings, timeZone: 'Mars/Olympus', currency: 'rupees' }),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.fields?.map((f) => f.field).sort()).toEqual(['currency', 'timeZone']);
    expect(await hub.call(hub.admin, 'settings.get', {})).toEqual(settings);
    expect(count(hub, 'changes')).toBe(changes);
    const receptionist = await hub.signIn('receptionist');
    expect((await failureOf(hub.call(receptionist, 'settings.update', settings))).code).toBe('FORBIDDEN');
  });

  it('keeps the time zone once appointments exist', async () => {
    hub = await createTestHub();
    const settings = await hub.call(hub.admin, 'settings.get', {});
    await hub.call(hub.admin, 'settings.update', { ...settings, timeZone: 'Asia/Dubai' });
    const doctor = insertDoctor(hub.db);
    const patient = insertPatient(hub.db);
    insertAppointment(hub, {
      doctorId: doctor.id,
      patientId: patient.id,
      startsAt: '2026-11-30T04:30:00.000Z',
    });
    const error = await failureOf(
      hub.call(hub.admin, 'settings.update', { ...settings, timeZone: 'Asia/Kolkata' }),
    );
    expect(error.code).toBe('POLICY');
    expect(error.fields?.[0]?.field).toBe('timeZone');
    expect((await hub.call(hub.admin, 'settings.get', {})).timeZone).toBe('Asia/Dubai');
  });
});

describe('doctors', () => {
  it('creates, lists (active, by specialization), gets and updates doctors', async () => {
    hub = await createTestHub();
    const id = randomUUID();
    const created = await hub.call(hub.admin, 'doctors.create', { id, details: kavita });
    expect(created).toEqual({
      ...kavita,
      id,
      userId: null,
      qualification: '',
      sessionMinutes: 15,
      bufferOverride: null,
      tokenPrefix: 'T',
      active: true,
    });
    const arjun = await hub.call(hub.admin, 'doctors.create', {
      id: randomUUID(),
      details: {
        ...kavita,
        fullName: 'Dr Arjun Shah',
        specialization: 'Dermatology',
        registrationNumber: 'KMC-2',
      },
    });
    const receptionist = await hub.signIn('receptionist');
    const names = async (input: { includeInactive?: boolean; specialization?: string }) =>
      (await hub.call(receptionist, 'doctors.list', input)).map((d) => d.fullName);
    expect(await names({})).toEqual(['Dr Arjun Shah', 'Dr Kavita Menon']);
    expect(await names({ specialization: 'dermatology' })).toEqual(['Dr Arjun Shah']);

    const updated = await hub.call(hub.admin, 'doctors.update', {
      id: arjun.id,
      details: {
        ...kavita,
        fullName: 'Dr Arjun Shah',
        specialization: 'Dermatology',
        registrationNumber: 'KMC-2',
        active: false,
        sessionMinutes: 20,
      },
    });
    expect(updated).toMatchObject({ active: false, sessionMinutes: 20 });
    expect(await names({})).toEqual(['Dr Kavita Menon']);
    expect(await names({ includeInactive: true })).toEqual(['Dr Arjun Shah', 'Dr Kavita Menon']);
    expect(await hub.call(receptionist, 'doctors.get', { id: arjun.id })).toEqual(updated);
    expect(rows(hub, "SELECT count(*) AS n FROM changes WHERE entity = 'doctors'")).toEqual([{ n: 3 }]);
  });

  it('refuses a taken registration number and bad details, writing nothing', async () => {
    hub = await createTestHub();
    await hub.call(hub.admin, 'doctors.create', { id: randomUUID(), details: kavita });
    const taken = await failureOf(
      hub.call(hub.admin, 'doctors.create', {
        id: randomUUID(),
        details: { ...kavita, fullName: 'Dr Other', registrationNumber: 'kmc-12345' },
      }),
    );
    expect(taken.code).toBe('CONFLICT');
    expect(taken.fields?.map((f) => f.field)).toEqual(['details.registrationNumber']);
    const bad = await failureOf(
      hub.call(hub.admin, 'doctors.create', {
        id: randomUUID(),
        details: { ...kavita, sessionMinutes: 17, tokenPrefix: 'kk', fees: { newVisit: -1, followUp: 1.5 } },
      }),
    );
    expect(bad.code).toBe('VALIDATION');
    expect(bad.fields?.map((f) => f.field).sort()).toEqual([
      'details.fees.followUp',
      'details.fees.newVisit',
      'details.sessionMinutes',
      'details.tokenPrefix',
    ]);
    expect(count(hub, 'doctors')).toBe(1);
    expect((await failureOf(hub.call(hub.admin, 'doctors.get', { id: randomUUID() }))).code).toBe(
      'NOT_FOUND',
    );
  });

  it('will not retire a doctor who still has bookings ahead', async () => {
    hub = await createTestHub();
    const doctor = insertDoctor(hub.db, { ...kavita, qualification: 'MBBS' });
    const patient = insertPatient(hub.db, { code: 'PAT000007' });
    insertAppointment(hub, {
      doctorId: doctor.id,
      patientId: patient.id,
      startsAt: '2026-11-30T04:30:00.000Z',
    });
    const { id: _id, userId: _u, ...details } = doctor;
    const error = await failureOf(
      hub.call(hub.admin, 'doctors.update', { id: doctor.id, details: { ...details, active: false } }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('Mon 2026-11-30 10:00 PAT000007');
    expect(rows(hub, 'SELECT active FROM doctors WHERE id = ?', doctor.id)).toEqual([{ active: 1 }]);
  });
});

describe('rooms', () => {
  it('creates, lists and updates rooms with unique names', async () => {
    hub = await createTestHub();
    const id = randomUUID();
    const room = await hub.call(hub.admin, 'rooms.create', { id, details: { name: 'Room 1' } });
    expect(room).toEqual({ id, name: 'Room 1', type: 'consultation', status: 'available' });
    const dup = await failureOf(
      hub.call(hub.admin, 'rooms.create', { id: randomUUID(), details: { name: 'ROOM 1' } }),
    );
    expect(dup.code).toBe('CONFLICT');
    expect(dup.fields).toEqual([{ field: 'details.name', message: 'is already used by another room' }]);
    const updated = await hub.call(hub.admin, 'rooms.update', {
      id,
      details: { name: 'Room 1', type: 'procedure', status: 'out_of_service' },
    });
    expect(updated).toEqual({ id, name: 'Room 1', type: 'procedure', status: 'out_of_service' });
    const nurse = await hub.signIn('nurse');
    expect(await hub.call(nurse, 'rooms.list', {})).toEqual([updated]);
    const bad = await failureOf(
      hub.call(hub.admin, 'rooms.update', { id, details: { status: 'broken' as never } }),
    );
    expect(bad.fields?.map((f) => f.field)).toEqual(['details.status']);
    expect(
      (await failureOf(hub.call(hub.admin, 'rooms.update', { id: randomUUID(), details: {} }))).code,
    ).toBe('NOT_FOUND');
  });
});

describe('devices.list', () => {
  it('lists one row per machine, most recently seen first, with each person’s client on it', async () => {
    hub = await createTestHub();
    const [reena, rahul] = [randomUUID(), randomUUID()];
    const insert = hub.db.sqlite.prepare(
      `INSERT INTO sync_clients (clientId, userId, deviceName, kind, lastMutationId, lastSeenAt, pendingMutations, deviceId)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    insert.run('client-reena', reena, 'Reception PC', 'desktop', 41, '2026-11-23T02:00:00.000Z', 2, 'pc-1');
    // Rahul's client has no name: the machine keeps the name an older client gave it.
    insert.run('client-rahul', rahul, '', 'desktop', 7, '2026-11-23T02:10:00.000Z', 1, 'pc-1');
    insert.run('client-tv', null, 'Waiting room TV', 'display', 0, '2026-11-23T02:20:00.000Z', 0, 'tv');
    insert.run('client-old', null, '', 'desktop', 0, null, 0, null); // before device ids were kept
    expect(await hub.call(hub.admin, 'devices.list', {})).toEqual([
      {
        id: 'tv',
        name: 'Waiting room TV',
        givenName: null,
        kind: 'display',
        lastSeenAt: '2026-11-23T02:20:00.000Z',
        lastUserId: null,
        pendingMutations: 0,
        clients: [
          {
            clientId: 'client-tv',
            userId: null,
            lastSeenAt: '2026-11-23T02:20:00.000Z',
            pendingMutations: 0,
            lastMutationId: 0,
          },
        ],
      },
      {
        id: 'pc-1',
        name: 'Reception PC',
        givenName: null,
        kind: 'desktop',
        lastSeenAt: '2026-11-23T02:10:00.000Z',
        lastUserId: rahul,
        pendingMutations: 3,
        clients: [
          {
            clientId: 'client-rahul',
            userId: rahul,
            lastSeenAt: '2026-11-23T02:10:00.000Z',
            pendingMutations: 1,
            lastMutationId: 7,
          },
          {
            clientId: 'client-reena',
            userId: reena,
            lastSeenAt: '2026-11-23T02:00:00.000Z',
            pendingMutations: 2,
            lastMutationId: 41,
          },
        ],
      },
      {
        id: 'client-old',
        name: 'Desktop client-o', // no name ever given: kind and a short id, never an empty cell
        givenName: null,
        kind: 'desktop',
        lastSeenAt: null,
        lastUserId: null,
        pendingMutations: 0,
        clients: [
          { clientId: 'client-old', userId: null, lastSeenAt: null, pendingMutations: 0, lastMutationId: 0 },
        ],
      },
    ]);
    const receptionist = await hub.signIn('receptionist');
    expect((await failureOf(hub.call(receptionist, 'devices.list', {}))).code).toBe('FORBIDDEN');
  });
});
