import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '@server/core/dispatcher';
import { insertDoctor, insertPatient } from '@server/testing/fixtures';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { insertAppointment } from '@server/testing/visit-fixtures';

describe('collection and revenue reports', () => {
  let hub: TestHub;
  let patientId: string;

  beforeEach(async () => {
    hub = await createTestHub();
    patientId = insertPatient(hub.db).id;
  });
  afterEach(() => hub.close());

  const bill = async (caller: Caller, unitPrice: number, appointmentId: string | null = null) =>
    (
      await hub.call(caller, 'billing.createBill', {
        id: randomUUID(),
        patientId,
        appointmentId,
        items: [{ kind: 'consultation', description: 'Consultation', quantity: 1, unitPrice }],
      })
    ).bill.id;
  const pay = (caller: Caller, billId: string, amount: number, mode: 'cash' | 'card' | 'upi') =>
    hub.call(caller, 'billing.recordPayment', { id: randomUUID(), billId, amount, mode });

  it('sums a clinic day’s payments by mode with refunds subtracted', async () => {
    let reception = await hub.signIn('receptionist');
    const first = await bill(reception, 50_000);
    const second = await bill(reception, 20_000);
    await pay(reception, first, 30_000, 'cash');
    await pay(reception, first, 20_000, 'upi');
    await pay(reception, second, 10_000, 'card');
    await hub.call(reception, 'billing.refund', {
      id: randomUUID(),
      billId: first,
      amount: 5_000,
      mode: 'cash',
      reason: 'Duplicate charge',
    });

    // 00:30 on the 24th in Kolkata is still the 23rd in UTC: it belongs to the 24th.
    hub.clock.set('2026-11-23T19:00:00.000Z');
    reception = await hub.signIn('receptionist');
    await pay(reception, second, 1_000, 'cash');

    const day = await hub.call(reception, 'billing.dailyCollection', { date: '2026-11-23' });
    expect(day).toMatchObject({
      date: '2026-11-23',
      byMode: { cash: 25_000, card: 10_000, upi: 20_000 },
      total: 55_000,
      refunds: -5_000,
    });
    expect(day.payments.map((p) => p.amount)).toEqual([30_000, 20_000, 10_000, -5_000]);
    const next = await hub.call(reception, 'billing.dailyCollection', { date: '2026-11-24' });
    expect(next).toMatchObject({ byMode: { cash: 1_000, card: 0, upi: 0 }, total: 1_000, refunds: 0 });
    const empty = await hub.call(reception, 'billing.dailyCollection', { date: '2026-11-25' });
    expect(empty).toEqual({
      date: '2026-11-25',
      byMode: { cash: 0, card: 0, upi: 0 },
      total: 0,
      refunds: 0,
      payments: [],
    });
  });

  it('reports billed, collected and completed visits per doctor', async () => {
    const reception = await hub.signIn('receptionist');
    const menon = insertDoctor(hub.db, { fullName: 'Dr A Menon' }).id;
    const rao = insertDoctor(hub.db, { fullName: 'Dr B Rao' }).id;
    const visit = insertAppointment(hub, {
      doctorId: menon,
      patientId,
      startsAt: '2026-11-23T03:30:00.000Z',
      status: 'COMPLETED',
    });
    const billId = await bill(reception, 50_000, visit);
    await pay(reception, billId, 30_000, 'cash');
    await bill(reception, 9_000); // no doctor: pharmacy counter

    const revenue = await hub.call(hub.admin, 'billing.doctorRevenue', {
      fromDate: '2026-11-01',
      toDate: '2026-11-30',
    });
    expect(revenue).toEqual([
      { doctorId: menon, billed: 50_000, collected: 30_000, consultations: 1 },
      { doctorId: rao, billed: 0, collected: 0, consultations: 0 },
    ]);
    const december = await hub.call(hub.admin, 'billing.doctorRevenue', {
      fromDate: '2026-12-01',
      toDate: '2026-12-31',
    });
    expect(december.find((r) => r.doctorId === menon)).toEqual({
      doctorId: menon,
      billed: 0,
      collected: 0,
      consultations: 0,
    });
    const forbidden = await hub
      .call(reception, 'billing.doctorRevenue', {
        fromDate: '2026-11-01',
        toDate: '2026-11-30',
      })
      .then(
        () => null,
        (e: { error: { code: string } }) => e.error.code,
      );
    expect(forbidden).toBe('FORBIDDEN');
  });
});
