import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '@server/testing/test-hub';

let hub: TestHub;
afterEach(() => hub?.close());

describe('partial updates and provisional codes', () => {
  it('changes only the fields sent', async () => {
    hub = await createTestHub();
    const patient = await hub.call(hub.admin, 'patients.register', {
      id: randomUUID(),
      details: { fullName: 'Asha Rao', sex: 'female', allergies: ['Penicillin'], address: '12 MG Road' },
    });
    const updated = await hub.call(hub.admin, 'patients.update', {
      id: patient.id,
      details: { email: 'asha@example.in' },
    });
    expect(updated).toMatchObject({
      email: 'asha@example.in',
      sex: 'female',
      allergies: ['Penicillin'],
      address: '12 MG Road',
    });

    const doctor = await hub.call(hub.admin, 'doctors.create', {
      id: randomUUID(),
      details: {
        fullName: 'Dr Kavita Menon',
        specialization: 'Pediatrician',
        registrationNumber: 'KMC-1',
        fees: { newVisit: 50_000, followUp: 30_000 },
        sessionMinutes: 20,
        tokenPrefix: 'K',
      },
    });
    const repriced = await hub.call(hub.admin, 'doctors.update', {
      id: doctor.id,
      details: { fees: { newVisit: 60_000, followUp: 35_000 } },
    });
    expect(repriced).toMatchObject({
      sessionMinutes: 20,
      tokenPrefix: 'K',
      active: true,
      fees: { newVisit: 60_000 },
    });
  });

  it('keeps the provisional code a desktop gave offline, and finds the patient by it', async () => {
    hub = await createTestHub();
    const patient = await hub.call(hub.admin, 'patients.register', {
      id: randomUUID(),
      details: { fullName: 'Ravi Kumar' },
      provisionalCode: 'TMP-7F3A-0001',
    });
    expect(patient).toMatchObject({ code: 'PAT000001', provisionalCode: 'TMP-7F3A-0001' });
    const found = await hub.call(hub.admin, 'patients.search', { text: 'TMP-7F3A-0001' });
    expect(found.map((p) => p.id)).toEqual([patient.id]);
  });

  it('registers patients from two desktops that made the same provisional code: the later ones keep variants of it', async () => {
    hub = await createTestHub();
    const register = (fullName: string) =>
      hub.call(hub.admin, 'patients.register', {
        id: randomUUID(),
        details: { fullName },
        provisionalCode: 'TMP-7F3A-0001',
      });
    const first = await register('Ravi Kumar');
    const second = await register('Asha Rao');
    const third = await register('Meena Iyer');
    expect([first, second, third].map((p) => [p.code, p.provisionalCode])).toEqual([
      ['PAT000001', 'TMP-7F3A-0001'],
      ['PAT000002', 'TMP-7F3A-0001-2'],
      ['PAT000003', 'TMP-7F3A-0001-3'],
    ]);
    // The code on any of their slips finds all three, the exact one first.
    const found = await hub.call(hub.admin, 'patients.search', { text: 'TMP-7F3A-0001' });
    expect(found.map((p) => p.id)).toEqual([first.id, second.id, third.id]);
    const exact = await hub.call(hub.admin, 'patients.search', { text: 'tmp-7f3a-0001-3' });
    expect(exact.map((p) => p.id)).toEqual([third.id]);
  });
});
