import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pdfFlatText, pdfInfo, previewPdf } from '@server/testing/pdf-reader';
import { at, HINDI_NAME, type VisitWorld, visitWorld } from '@server/testing/visit-world';
import { failureOf } from '@server/testing/failure';
import { patientCaller } from '@server/testing/patient-caller';
import { createTestHub, type TestHub } from '@server/testing/test-hub';

describe('billing.receiptPdf', () => {
  let hub: TestHub;
  let world: VisitWorld;

  beforeEach(async () => {
    hub = await createTestHub();
    world = await visitWorld(hub);
  }, 30_000);
  afterEach(() => hub.close());

  /** A completed visit billed ₹500 + ₹350 + 2 × ₹32.50 − ₹100 = ₹815, paid ₹500 cash + ₹200 UPI − ₹50 refund. */
  async function billedVisit(fullName: string, time = '09:00') {
    const patient = await world.register({ fullName, phone: '+91 98450 12345' });
    const appointment = await world.book(patient.id, time);
    hub.clock.set(at(time));
    const { billId } = await world.completeVisit(appointment.id);
    const { reception } = world;
    await hub.call(reception, 'billing.addItems', {
      billId,
      items: [
        {
          id: randomUUID(),
          kind: 'test',
          description: 'Complete blood count',
          quantity: 1,
          unitPrice: 35_000,
        },
        {
          id: randomUUID(),
          kind: 'medicine',
          description: 'Paracetamol 650 mg (strip of 10)',
          quantity: 2,
          unitPrice: 3_250,
        },
      ],
    });
    await hub.call(reception, 'billing.setDiscount', {
      billId,
      discount: { kind: 'amount', amount: 10_000, reason: 'Senior citizen' },
    });
    await hub.call(reception, 'billing.recordPayment', {
      id: randomUUID(),
      billId,
      amount: 50_000,
      mode: 'cash',
    });
    await hub.call(reception, 'billing.recordPayment', {
      id: randomUUID(),
      billId,
      amount: 20_000,
      mode: 'upi',
      reference: 'UPI-889123',
    });
    await hub.call(reception, 'billing.refund', {
      id: randomUUID(),
      billId,
      amount: 5_000,
      mode: 'cash',
      reason: 'Second strip returned',
    });
    return { patient, billId };
  }

  it('lists items, discount, total, each payment and refund with its receipt number, paid and outstanding (A5 and A4)', async () => {
    const { patient, billId } = await billedVisit(HINDI_NAME);

    const a5 = await hub.call(world.reception, 'billing.receiptPdf', { billId });
    expect(a5).toMatchObject({ fileName: 'receipt-B-2026-000001.pdf', mimeType: 'application/pdf' });
    const a4 = await hub.call(world.reception, 'billing.receiptPdf', { billId, paper: 'A4' });
    expect(await pdfInfo(a5.base64)).toMatchObject({ pages: 1, width: 419.53, height: 595.28 });
    expect(await pdfInfo(a4.base64)).toMatchObject({ pages: 1, width: 595.28, height: 841.89 });
    await previewPdf('receipt-a5', a5.base64);
    await previewPdf('receipt-a4', a4.base64);

    for (const pdf of [a5, a4]) {
      const text = await pdfFlatText(pdf.base64);
      for (const expected of [
        'Sunrise Clinic',
        '14 MG Road, Shivajinagar, Bengaluru 560001',
        'Phone +91 80 4123 4567',
        'Bill B-2026-000001',
        'Date Mon, 23 Nov 2026',
        HINDI_NAME,
        `Patient code ${patient.code}`,
        'Dr Kavita Menon',
        'A-2026-000001',
        'Consultation — Dr Kavita Menon',
        '₹500.00',
        'Complete blood count',
        '₹350.00',
        'Paracetamol 650 mg (strip of 10)',
        '₹32.50',
        '₹65.00',
        'Subtotal ₹915.00',
        'Discount — Senior citizen -₹100.00',
        'Total ₹815.00',
        'R-2026-000001',
        'R-2026-000002',
        'R-2026-000003',
        'Cash',
        'UPI',
        'Ref. UPI-889123',
        'Refund · Cash',
        'Second strip returned',
        '-₹50.00',
        'Amount paid ₹650.00',
        'Outstanding ₹165.00',
        'Partially paid',
      ]) {
        expect(text).toContain(expected);
      }
    }
  });

  it('gives a patient their own receipt only; another patient’s answers like a missing bill', async () => {
    const mine = await billedVisit('Asha Rao', '09:00');
    const theirs = await billedVisit('Ravi Kumar', '09:30');
    const phone = patientCaller(hub, mine.patient.id);

    const own = await hub.call(phone, 'billing.receiptPdf', { billId: mine.billId });
    expect(await pdfFlatText(own.base64)).toContain('Asha Rao');

    const other = await failureOf(hub.call(phone, 'billing.receiptPdf', { billId: theirs.billId }));
    const missing = await failureOf(hub.call(phone, 'billing.receiptPdf', { billId: randomUUID() }));
    expect(other).toEqual({ code: 'NOT_FOUND', message: 'No such bill.' });
    expect(other).toEqual(missing);
    expect(
      await failureOf(hub.call(world.doctor, 'billing.receiptPdf', { billId: mine.billId })),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('continues a long bill on further pages with the table header repeated', async () => {
    const patient = await world.register({ fullName: 'Lakshmi Pillai' });
    const { bill } = await hub.call(world.reception, 'billing.createBill', {
      id: randomUUID(),
      patientId: patient.id,
      items: Array.from({ length: 60 }, (_, index) => ({
        kind: 'medicine' as const,
        description: `Item ${index + 1}: a long description that needs wrapping on the narrow A5 page`,
        quantity: 1,
        unitPrice: 1_000,
      })),
    });
    const pdf = await hub.call(world.reception, 'billing.receiptPdf', { billId: bill.id });
    const info = await pdfInfo(pdf.base64);
    expect(info.pages).toBeGreaterThan(2);
    const text = await pdfFlatText(pdf.base64);
    expect(text).toContain('Item 60: a long description');
    expect(text).toContain('Bill (continued)');
    expect(text).toContain(`Page ${info.pages} of ${info.pages}`);
    expect(text).toContain('Total ₹600.00');
    expect(text).toContain('No payment has been recorded yet.');
    await previewPdf('receipt-a5-long', pdf.base64);
  });
});
