import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '@shared/contract/index';
import type { Caller } from '@server/core/dispatcher';
import { insertDoctor, insertPatient } from '@server/testing/fixtures';
import { failureOf } from '@server/testing/failure';
import { patientCaller } from '@server/testing/patient-caller';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { insertAppointment, setStatus } from '@server/testing/visit-fixtures';

type Item = InputOf<'billing.createBill'>['items'] extends (infer I)[] | undefined ? I : never;
const consultation: Item = {
  kind: 'consultation',
  description: 'Consultation',
  quantity: 1,
  unitPrice: 50_000,
};
const cbc: Item = { kind: 'test', description: 'CBC', quantity: 2, unitPrice: 15_000 };

describe('bills and payments', () => {
  let hub: TestHub;
  let reception: Caller;
  let patientId: string;

  beforeEach(async () => {
    hub = await createTestHub();
    reception = await hub.signIn('receptionist');
    patientId = insertPatient(hub.db).id;
  });
  afterEach(() => hub.close());

  const createBill = (items: Item[], extra: Partial<InputOf<'billing.createBill'>> = {}) =>
    hub.call(reception, 'billing.createBill', { id: randomUUID(), patientId, items, ...extra });
  const pay = (billId: string, amount: number, mode: 'cash' | 'card' | 'upi' = 'cash') =>
    hub.call(reception, 'billing.recordPayment', { id: randomUUID(), billId, amount, mode });
  const refund = (billId: string, amount: number) =>
    hub.call(reception, 'billing.refund', {
      id: randomUUID(),
      billId,
      amount,
      mode: 'cash',
      reason: 'Test was not done',
    });

  it('takes partial and full payments with receipt numbers, refuses overpayment, refunds negatively', async () => {
    const { bill } = await createBill([consultation, cbc]);
    expect(bill).toMatchObject({
      number: 'B-2026-000001',
      currency: 'INR',
      subtotal: 80_000,
      total: 80_000,
      paid: 0,
      outstanding: 80_000,
      status: 'PENDING',
    });

    const partial = await pay(bill.id, 30_000);
    expect(partial.bill).toMatchObject({ status: 'PARTIALLY_PAID', paid: 30_000, outstanding: 50_000 });
    expect(partial.payments.map((p) => p.receiptNumber)).toEqual(['R-2026-000001']);

    const over = await failureOf(pay(bill.id, 60_000));
    expect(over.code).toBe('VALIDATION');
    expect(over.fields?.[0]?.field).toBe('amount');
    expect(over.message).toContain('₹600.00');
    expect(over.message).toContain('outstanding ₹500.00');

    const full = await pay(bill.id, 50_000, 'upi');
    expect(full.bill).toMatchObject({ status: 'PAID', paid: 80_000, outstanding: 0 });
    expect(full.payments.map((p) => [p.receiptNumber, p.mode])).toEqual([
      ['R-2026-000001', 'cash'],
      ['R-2026-000002', 'upi'],
    ]);
    expect((await failureOf(pay(bill.id, 100))).message).toMatch(/Nothing is outstanding/);

    const refunded = await refund(bill.id, 20_000);
    expect(refunded.payments[2]).toMatchObject({
      kind: 'refund',
      amount: -20_000,
      reason: 'Test was not done',
    });
    expect(refunded.bill).toMatchObject({ status: 'PARTIALLY_PAID', paid: 60_000, outstanding: 20_000 });
    const tooMuch = await failureOf(refund(bill.id, 70_000));
    expect(tooMuch.code).toBe('VALIDATION');
    expect(tooMuch.message).toContain('exceeds the amount paid, ₹600.00');
  });

  it('edits items and discounts only while the totals stay above what was paid', async () => {
    const { bill } = await createBill([consultation]);
    const itemId = randomUUID();
    const added = await hub.call(reception, 'billing.addItems', {
      billId: bill.id,
      items: [{ ...cbc, id: itemId }],
    });
    expect(added.bill.items.map((i) => i.description)).toEqual(['Consultation', 'CBC']);
    expect(added.bill.total).toBe(80_000);

    const discounted = await hub.call(reception, 'billing.setDiscount', {
      billId: bill.id,
      discount: { kind: 'percent', basisPoints: 1250, reason: 'Senior citizen' },
    });
    expect(discounted.bill).toMatchObject({ subtotal: 80_000, discountTotal: 10_000, total: 70_000 });

    const removed = await hub.call(reception, 'billing.removeItem', { billId: bill.id, itemId });
    expect(removed.bill).toMatchObject({ subtotal: 50_000, discountTotal: 6_250, total: 43_750 });

    await pay(bill.id, 40_000);
    const locked = await failureOf(
      hub.call(reception, 'billing.removeItem', { billId: bill.id, itemId: bill.items[0]!.id }),
    );
    expect(locked.code).toBe('POLICY');
    const below = await failureOf(
      hub.call(reception, 'billing.setDiscount', {
        billId: bill.id,
        discount: { kind: 'amount', amount: 20_000 },
      }),
    );
    expect(below.code).toBe('POLICY');
    expect(below.message).toContain('₹400.00 already paid');
    const missing = await failureOf(
      hub.call(reception, 'billing.removeItem', { billId: bill.id, itemId: randomUUID() }),
    );
    expect(missing.code).toBe('NOT_FOUND');
    const cleared = await hub.call(reception, 'billing.setDiscount', { billId: bill.id, discount: null });
    expect(cleared.bill).toMatchObject({ discount: null, total: 50_000, outstanding: 10_000 });
  });

  it('refunds a cancelled visit under the clinic’s refund policy', async () => {
    const doctorId = insertDoctor(hub.db).id;
    const billFor = async (startsAt: string) => {
      const appointmentId = insertAppointment(hub, { doctorId, patientId, startsAt, status: 'CONFIRMED' });
      const { bill } = await createBill([consultation], { appointmentId });
      await pay(bill.id, 50_000);
      return { appointmentId, billId: bill.id };
    };
    const cancel = (appointmentId: string, actorRole: string, at: string) => {
      setStatus(hub, appointmentId, 'CANCELLED');
      hub.db.sqlite
        .prepare(
          `INSERT INTO status_transitions (id, appointmentId, "from", "to", actorUserId, actorRole, deviceId, at, reason)
           VALUES (?, ?, 'CONFIRMED', 'CANCELLED', ?, ?, 'x', ?, 'cannot come')`,
        )
        .run(randomUUID(), appointmentId, randomUUID(), actorRole, at);
    };

    // The patient cancelled 30 minutes before a 09:00 visit: outside the 2-hour window, policy 0 %.
    const late = await billFor('2026-11-23T03:30:00.000Z');
    cancel(late.appointmentId, 'patient', '2026-11-23T03:00:00.000Z');
    const refused = await failureOf(refund(late.billId, 10_000));
    expect(refused.code).toBe('POLICY');
    expect(refused.message).toMatch(/No refund is due.*after the cancellation window/);

    // The patient cancelled the day before: inside the window, a full refund.
    const early = await billFor('2026-11-23T05:30:00.000Z');
    cancel(early.appointmentId, 'patient', '2026-11-22T05:30:00.000Z');
    expect((await refund(early.billId, 50_000)).bill).toMatchObject({ paid: 0, status: 'PENDING' });

    // The clinic cancelled 10 minutes before: a full refund, in parts, but never more.
    const byClinic = await billFor('2026-11-23T07:30:00.000Z');
    cancel(byClinic.appointmentId, 'receptionist', '2026-11-23T07:20:00.000Z');
    await refund(byClinic.billId, 30_000);
    expect((await refund(byClinic.billId, 20_000)).bill.paid).toBe(0);

    // Not cancelled: staff may refund up to the net amount paid.
    const { bill } = await createBill([consultation]);
    await pay(bill.id, 50_000);
    expect((await refund(bill.id, 50_000)).bill.paid).toBe(0);
  });

  it('shows patients only their own bills, and lists bills for the front desk', async () => {
    const mine = await createBill([consultation]);
    await pay(mine.bill.id, 50_000);
    const otherPatient = insertPatient(hub.db).id;
    const theirs = await createBill([cbc], { patientId: otherPatient });

    const patient = patientCaller(hub, patientId);
    expect((await hub.call(patient, 'billing.get', { id: mine.bill.id })).bill.id).toBe(mine.bill.id);
    expect((await failureOf(hub.call(patient, 'billing.get', { id: theirs.bill.id }))).code).toBe(
      'NOT_FOUND',
    );
    const own = await hub.call(patient, 'billing.mine', {});
    expect(own.map((v) => [v.bill.id, v.payments.length])).toEqual([[mine.bill.id, 1]]);
    expect((await failureOf(hub.call(patient, 'billing.list', {}))).code).toBe('FORBIDDEN');

    const all = await hub.call(reception, 'billing.list', {});
    expect(all.total).toBe(2);
    const pending = await hub.call(reception, 'billing.list', { statuses: ['PENDING'] });
    expect(pending).toMatchObject({ total: 1, items: [{ id: theirs.bill.id }] });
    const byPatient = await hub.call(reception, 'billing.list', {
      patientId,
      fromDate: '2026-11-23',
      toDate: '2026-11-23',
    });
    expect(byPatient.items.map((b) => b.id)).toEqual([mine.bill.id]);
    const none = await hub.call(reception, 'billing.list', { fromDate: '2026-11-24', toDate: '2026-11-30' });
    expect(none).toEqual({ items: [], total: 0 });
  });
});
