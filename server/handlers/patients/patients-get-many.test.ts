import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { insertPatient } from '@server/testing/fixtures';
import { failureOf } from '@server/testing/failure';
import { patientCaller } from '@server/testing/patient-caller';
import { createTestHub, type TestHub } from '@server/testing/test-hub';

let hub: TestHub;
afterEach(() => hub?.close());

describe('patients.getMany: a list’s names in one call, under patients.get’s rules', () => {
  it('answers staff what patients.get answers, leaving unknown ids out', async () => {
    hub = await createTestHub();
    const ids = [insertPatient(hub.db).id, insertPatient(hub.db, { allergies: ['Penicillin'] }).id];
    for (const role of ['receptionist', 'doctor', 'nurse'] as const) {
      const staff = await hub.signIn(role);
      const many = await hub.call(staff, 'patients.getMany', { ids: [...ids, randomUUID(), ids[0]!] });
      const one = await Promise.all(ids.map((id) => hub.call(staff, 'patients.get', { id })));
      expect(
        many.sort((a, b) => a.id.localeCompare(b.id)),
        role,
      ).toEqual(one.sort((a, b) => a.id.localeCompare(b.id)));
    }
  });

  it('gives a patient only their own record, and nothing about whether the others exist', async () => {
    hub = await createTestHub();
    const own = insertPatient(hub.db).id;
    const other = insertPatient(hub.db).id;
    const patient = patientCaller(hub, own);
    const answer = await hub.call(patient, 'patients.getMany', { ids: [own, other, randomUUID()] });
    expect(answer.map((p) => p.id)).toEqual([own]);
    expect(await hub.call(patient, 'patients.getMany', { ids: [other] })).toEqual([]);
    expect((await failureOf(hub.call(patient, 'patients.get', { id: other }))).code).toBe('NOT_FOUND');
  });

  it('refuses an empty or oversized list, naming the field', async () => {
    hub = await createTestHub();
    const refused = await failureOf(hub.call(hub.admin, 'patients.getMany', { ids: [] }));
    expect(refused.code).toBe('VALIDATION');
    expect(refused.fields?.map((f) => f.field)).toEqual(['ids']);
  });
});
