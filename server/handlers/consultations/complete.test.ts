import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '@server/core/dispatcher';
import { insertPatient } from '@server/testing/fixtures';
import { failureOf } from '@server/testing/failure';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { insertAppointment } from '@server/testing/visit-fixtures';

const NINE_AM = '2026-11-23T03:30:00.000Z';

describe('appointments.complete', () => {
  let hub: TestHub;
  let doctor: Caller & { userId: string; doctorId: string | null };
  let reception: Caller;
  let patientId: string;

  beforeEach(async () => {
    hub = await createTestHub();
    doctor = await hub.signIn('doctor');
    reception = await hub.signIn('receptionist');
    patientId = insertPatient(hub.db).id;
  });
  afterEach(() => hub.close());

  const sign = async (appointmentId: string) => {
    const draft = await hub.call(doctor, 'consultations.saveDraft', {
      id: randomUUID(),
      appointmentId,
      content: { diagnosis: { text: 'Viral fever' }, advice: 'Rest and fluids' },
    });
    await hub.call(doctor, 'consultations.finalize', { id: draft.consultation.id });
  };
  const bills = (appointmentId: string) =>
    hub.db.sqlite.prepare('SELECT * FROM bills WHERE appointmentId = ?').all(appointmentId) as {
      id: string;
      number: string;
      total: number;
      status: string;
      doctorId: string;
    }[];

  it('needs a signed record, finishes the queue entry and bills the new-visit fee once', async () => {
    const appointmentId = insertAppointment(hub, {
      doctorId: doctor.doctorId!,
      patientId,
      startsAt: NINE_AM,
      status: 'CONFIRMED',
    });
    await hub.call(reception, 'queue.checkIn', { appointmentId });

    const unsigned = await failureOf(hub.call(doctor, 'appointments.complete', { id: appointmentId }));
    expect(unsigned.code).toBe('POLICY');
    expect(unsigned.message).toMatch(/Finalize \(sign\) the consultation record/);

    await sign(appointmentId);
    const completed = await hub.call(doctor, 'appointments.complete', { id: appointmentId });
    expect(completed.status).toBe('COMPLETED');
    const entry = hub.db.sqlite
      .prepare('SELECT state, finishedAt FROM queue_entries WHERE appointmentId = ?')
      .get(appointmentId);
    expect(entry).toEqual({ state: 'done', finishedAt: hub.clock.now().toISOString() });

    const [bill, ...more] = bills(appointmentId);
    expect(more).toEqual([]);
    expect(bill).toMatchObject({
      number: 'B-2026-000001',
      total: 50_000,
      status: 'PENDING',
      doctorId: doctor.doctorId,
    });
    const view = await hub.call(reception, 'billing.get', { id: bill!.id });
    expect(view.bill.items).toEqual([
      {
        id: expect.any(String) as string,
        kind: 'consultation',
        description: 'Consultation — Dr doctor1',
        quantity: 1,
        unitPrice: 50_000,
      },
    ]);

    const again = await failureOf(hub.call(doctor, 'appointments.complete', { id: appointmentId }));
    expect(again.code).toBe('INVALID_TRANSITION');
    expect(bills(appointmentId)).toHaveLength(1);
  });

  it('bills a follow-up at the follow-up fee and keeps a prepaid bill as the only one', async () => {
    const followUp = insertAppointment(hub, {
      doctorId: doctor.doctorId!,
      patientId,
      startsAt: NINE_AM,
      type: 'FOLLOW_UP',
    });
    await sign(followUp);
    await hub.call(doctor, 'appointments.complete', { id: followUp });
    expect(bills(followUp).map((b) => b.total)).toEqual([30_000]);

    const prepaid = insertAppointment(hub, {
      doctorId: doctor.doctorId!,
      patientId,
      startsAt: '2026-11-23T04:30:00.000Z',
    });
    const created = await hub.call(reception, 'billing.createBill', {
      id: randomUUID(),
      patientId,
      appointmentId: prepaid,
      items: [{ kind: 'consultation', description: 'Teleconsultation', quantity: 1, unitPrice: 40_000 }],
    });
    await sign(prepaid);
    await hub.call(doctor, 'appointments.complete', { id: prepaid });
    expect(bills(prepaid).map((b) => [b.id, b.total])).toEqual([[created.bill.id, 40_000]]);
  });

  it('lets only the appointment’s own doctor complete it', async () => {
    const other = await hub.signIn('doctor');
    const appointmentId = insertAppointment(hub, {
      doctorId: doctor.doctorId!,
      patientId,
      startsAt: NINE_AM,
    });
    await sign(appointmentId);
    const refused = await failureOf(hub.call(other, 'appointments.complete', { id: appointmentId }));
    expect(refused.code).toBe('NOT_FOUND');
    expect(bills(appointmentId)).toEqual([]);
  });
});
