import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '@server/core/dispatcher';
import { failureOf } from '@server/testing/failure';
import { insertDoctor } from '@server/testing/fixtures';
import { createTestHub, type TestHub } from '@server/testing/test-hub';

describe('the waiting list at the desk', () => {
  let hub: TestHub;
  let reception: Caller;
  let doctorId: string;
  let patientId: string;
  // The test hub's today: Monday 23 Nov 2026; the default booking horizon is 60 days.
  const asked = () => ({
    id: randomUUID(),
    patientId,
    doctorId,
    fromDate: '2026-11-23',
    toDate: '2027-01-22',
  });

  beforeAll(async () => {
    hub = await createTestHub();
    reception = await hub.signIn('receptionist');
    doctorId = insertDoctor(hub.db).id;
    patientId = (
      await hub.call(reception, 'patients.register', { id: randomUUID(), details: { fullName: 'Asha Rao' } })
    ).id;
  });
  afterAll(() => hub.close());

  it('joins a patient for them, lists by doctor and by patient, and leaves', async () => {
    const entry = await hub.call(reception, 'waitlist.join', asked());
    expect(entry).toMatchObject({ status: 'WAITING', offer: null, note: '' });
    const other = insertDoctor(hub.db, { fullName: 'Dr Arjun Rao' }).id;
    expect(await hub.call(reception, 'waitlist.list', { doctorId })).toEqual([entry]);
    expect(await hub.call(reception, 'waitlist.list', { doctorId: other })).toEqual([]);
    expect(await hub.call(reception, 'waitlist.list', { patientId })).toEqual([entry]);

    const left = await hub.call(reception, 'waitlist.cancel', { id: entry.id });
    expect(left).toMatchObject({ id: entry.id, status: 'CANCELLED' });
    expect(await hub.call(reception, 'waitlist.list', { doctorId })).toEqual([left]);
    expect(await failureOf(hub.call(reception, 'waitlist.cancel', { id: randomUUID() }))).toEqual({
      code: 'NOT_FOUND',
      message: 'No such waiting-list entry.',
    });
  });

  it('refuses a doctor who takes no appointments, and dates past the booking horizon, naming the field', async () => {
    const gone = insertDoctor(hub.db, { fullName: 'Dr Gone Away', active: false }).id;
    const inactive = await failureOf(hub.call(reception, 'waitlist.join', { ...asked(), doctorId: gone }));
    expect(inactive.fields?.map((f) => f.field)).toEqual(['doctorId']);
    const far = await failureOf(hub.call(reception, 'waitlist.join', { ...asked(), toDate: '2027-01-23' }));
    expect(far.code).toBe('VALIDATION');
    expect(far.fields?.map((f) => f.field)).toEqual(['toDate']);
  });
});
