import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '@server/testing/test-hub';

let hub: TestHub;
afterEach(() => hub?.close());

describe('audit log for the admin', () => {
  it('lists entries newest first, filtered by user and patient, and verifies the chain', async () => {
    hub = await createTestHub();
    const receptionist = await hub.signIn('receptionist');
    const patient = await hub.call(receptionist, 'patients.register', {
      id: randomUUID(),
      details: { fullName: 'Asha Rao' },
    });
    await hub.call(receptionist, 'patients.update', {
      id: patient.id,
      details: { phone: '+91 98450 12345' },
    });

    const byPatient = await hub.call(hub.admin, 'audit.list', { patientId: patient.id });
    expect(byPatient.total).toBe(2);
    expect(byPatient.items.map((e) => e.action)).toEqual(['patients.update', 'patients.register']);
    expect(
      byPatient.items.every((e) => e.actorUserId === receptionist.userId && e.actorRole === 'receptionist'),
    ).toBe(true);
    expect(byPatient.items[0]!.deviceId).toBe(receptionist.deviceId);

    const byUser = await hub.call(hub.admin, 'audit.list', { userId: receptionist.userId, limit: 1 });
    expect(byUser.items).toHaveLength(1);
    expect(byUser.total).toBeGreaterThanOrEqual(3); // sign-in, register, update

    const future = await hub.call(hub.admin, 'audit.list', { from: '2027-01-01T00:00:00.000Z' });
    expect(future).toEqual({ items: [], total: 0 });

    expect(await hub.call(hub.admin, 'audit.verify', {})).toMatchObject({ ok: true, firstBadSeq: null });
    hub.db.sqlite.exec('DROP TRIGGER audit_no_update');
    hub.db.sqlite.exec(`UPDATE audit_log SET actorUserId = NULL WHERE action = 'patients.update'`);
    const verdict = await hub.call(hub.admin, 'audit.verify', {});
    expect(verdict.ok).toBe(false);
    expect(verdict.problem).toMatch(/altered/);
    await expect(hub.call(receptionist, 'audit.list', {})).rejects.toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
  });

  it('exports the filtered entries as CSV in words: clinic time, names, roles, phrases, devices', async () => {
    hub = await createTestHub();
    const receptionist = await hub.signIn('receptionist');
    hub.db.sqlite
      .prepare(
        `INSERT INTO sync_clients (clientId, userId, deviceName, kind, lastMutationId, lastSeenAt,
           pendingMutations, deviceId) VALUES (?, ?, 'Front desk PC', 'desktop', 0, ?, 0, ?)`,
      )
      .run(randomUUID(), receptionist.userId, '2026-11-23T03:00:00.000Z', receptionist.deviceId);
    const patient = await hub.call(receptionist, 'patients.register', {
      id: randomUUID(),
      details: { fullName: 'Asha Rao' },
    });
    await hub.call(receptionist, 'patients.update', {
      id: patient.id,
      details: { phone: '+91 98450 12345' },
    });

    const file = await hub.call(hub.admin, 'audit.export', { patientId: patient.id });
    expect(file.mimeType).toBe('text/csv');
    expect(file.fileName).toMatch(/^audit-log-start-to-\d{4}-\d\d-\d\d\.csv$/);
    const lines = file.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('#,When,Who,Role,What,Record,Record id,Patient,Device,Action');
    expect(lines).toHaveLength(3);
    const [, registered, updated] = lines;
    const { displayName } = hub.db.sqlite
      .prepare('SELECT displayName FROM users WHERE id = ?')
      .get(receptionist.userId) as { displayName: string };
    expect(registered).toMatch(/^\d+,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+05:30,/);
    expect(registered).toContain(
      `,${displayName},Receptionist,Registered a patient,Patient,${patient.id},Asha Rao,Front desk PC,`,
    );
    expect(updated).toContain(',Changed a patient’s details,');

    const from = '2027-01-01T00:00:00.000Z';
    const none = await hub.call(hub.admin, 'audit.export', { from });
    expect(
      none.text
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n'),
    ).toHaveLength(1);
    await expect(hub.call(receptionist, 'audit.export', {})).rejects.toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
  });
});
