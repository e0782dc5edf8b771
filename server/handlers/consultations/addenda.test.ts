import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '@server/core/dispatcher';
import { insertPatient } from '@server/testing/fixtures';
import { failureOf } from '@server/testing/failure';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { insertAppointment } from '@server/testing/visit-fixtures';

type Doctor = Caller & { userId: string; doctorId: string | null };

describe('addenda are the signing doctor’s own (docs/product.md §1, §8)', () => {
  let hub: TestHub;
  let author: Doctor;
  let colleague: Doctor;
  let appointmentId: string;

  beforeEach(async () => {
    hub = await createTestHub();
    author = await hub.signIn('doctor');
    colleague = await hub.signIn('doctor');
    appointmentId = insertAppointment(hub, {
      doctorId: author.doctorId!,
      patientId: insertPatient(hub.db).id,
      startsAt: '2026-11-23T03:30:00.000Z',
    });
  });
  afterEach(() => hub.close());

  const draft = async () =>
    (
      await hub.call(author, 'consultations.saveDraft', {
        id: randomUUID(),
        appointmentId,
        content: { diagnosis: { text: 'Viral fever' }, advice: 'Rest and fluids' },
      })
    ).consultation.id;
  const addendum = (caller: Caller, consultationId: string, text = 'Reviewed the reports.') =>
    hub.call(caller, 'consultations.addAddendum', { id: randomUUID(), consultationId, text });
  const addendaCount = () =>
    (hub.db.sqlite.prepare('SELECT count(*) AS n FROM addenda').get() as { n: number }).n;

  it('refuses another doctor’s addendum to a signed record, and keeps the author’s', async () => {
    const id = await draft();
    await hub.call(author, 'consultations.finalize', { id });

    const refused = await failureOf(addendum(colleague, id, 'Someone else’s correction'));
    expect(refused).toEqual({
      code: 'FORBIDDEN',
      message: 'Only the doctor who signed this record can add an addendum to it.',
    });
    expect(addendaCount()).toBe(0);

    const own = await addendum(author, id);
    expect(own.authorUserId).toBe(author.userId);
    const view = await hub.call(colleague, 'consultations.get', { appointmentId });
    expect(view?.addenda.map((a) => a.authorUserId)).toEqual([author.userId]);
  });

  it('tells another doctor the same before the record is signed', async () => {
    const id = await draft();
    expect((await failureOf(addendum(colleague, id))).code).toBe('FORBIDDEN');
    expect((await failureOf(addendum(author, id))).code).toBe('POLICY'); // edit the draft instead
  });
});
