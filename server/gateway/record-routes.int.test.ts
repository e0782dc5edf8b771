import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '@shared/contract/errors';
import { pdfFlatText } from '@server/testing/pdf-reader';
import { at } from '@server/testing/visit-world';
import { type RecordsClinic, recordsClinic } from './testing/records-setup';

type Body = Record<string, unknown> & { error?: ApiError };

/** What must never reach the app from a consultation record (docs/product.md §8). */
const DOCTOR_ONLY = ['Fever for three days', 'Throat congested', 'Doctor-only', 'dengue'];

describe('the patient gateway’s record routes', () => {
  let clinic: RecordsClinic;
  let asha: { id: string; code: string; token: string };
  let ravi: { id: string; code: string; token: string };
  const visits: Record<'asha' | 'ravi', { consultationId: string; billId: string }> = {} as never;

  beforeAll(async () => {
    clinic = await recordsClinic();
    const { hub, world } = clinic;
    asha = await clinic.appPatient('Asha Rao');
    ravi = await clinic.appPatient('Ravi Kumar');
    for (const [key, patient, time] of [
      ['asha', asha, '09:00'],
      ['ravi', ravi, '09:30'],
    ] as const) {
      const appointment = await world.book(patient.id, time);
      hub.clock.set(at(time));
      // The sample record has a complaint, examination notes and doctor-only clinical notes.
      visits[key] = await world.completeVisit(appointment.id);
      await hub.call(world.reception, 'billing.recordPayment', {
        id: randomUUID(),
        billId: visits[key].billId,
        amount: 20_000,
        mode: 'upi',
        reference: 'UPI-123',
      });
    }
  }, 60_000);
  afterAll(() => clinic?.close());

  const get = (path: string, token?: string) => clinic.request<Body>('GET', path, { token });

  /** Another patient's id and a made-up one: the same 404, body and all. */
  async function expectLikeMissing(path: (id: string) => string, othersId: string) {
    const other = await get(path(othersId), asha.token);
    const missing = await get(path(randomUUID()), asha.token);
    expect(other.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(other.body).toEqual(missing.body);
    expect(other.headers.get('content-type')).toBe(missing.headers.get('content-type'));
    return other.body;
  }

  it('lists the patient’s signed summaries, never the complaint, examination or clinical notes', async () => {
    const answer = await clinic.request<Body[]>('GET', '/consultations', { token: asha.token });
    expect(answer.status).toBe(200);
    expect(answer.body).toHaveLength(1);
    const [summary] = answer.body;
    expect(summary).toEqual({
      id: visits.asha.consultationId,
      appointmentId: expect.any(String) as string,
      doctorId: clinic.world.doctorId,
      signedAt: at('09:00'),
      diagnosis: { text: 'Acute viral fever', code: 'R50.9' },
      advice: 'Drink plenty of fluids and rest for three days.',
      prescription: [expect.objectContaining({ medicine: 'Paracetamol', dosePattern: '1-0-1' })],
      tests: [{ name: 'Complete blood count', notes: 'Fasting not needed' }],
      followUpDate: '2026-11-30',
    });
    const text = answer.bytes.toString('utf8');
    for (const secret of [...DOCTOR_ONLY, 'chiefComplaint', 'examinationNotes', 'clinicalNotes', 'vitals']) {
      expect(text).not.toContain(secret);
    }
    expect((await get('/consultations')).status).toBe(401);
  });

  it('serves the patient’s own prescription as a PDF, and another’s like a missing one', async () => {
    const pdf = await get(`/consultations/${visits.asha.consultationId}/prescription.pdf`, asha.token);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('cache-control')).toBe('no-store');
    expect(pdf.headers.get('content-disposition')).toMatch(/^attachment; filename="prescription-.+\.pdf"$/);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfFlatText(pdf.bytes);
    expect(text).toContain('Asha Rao');
    expect(text).toContain('Paracetamol 650 mg');
    for (const secret of DOCTOR_ONLY) expect(text).not.toContain(secret);
    const a5 = await get(
      `/consultations/${visits.asha.consultationId}/prescription.pdf?paper=A5`,
      asha.token,
    );
    expect(a5.status).toBe(200);

    const body = await expectLikeMissing(
      (id) => `/consultations/${id}/prescription.pdf`,
      visits.ravi.consultationId,
    );
    expect(body).toEqual({ error: { code: 'NOT_FOUND', message: 'No such prescription.' } });
    const bad = await get('/consultations/not-an-id/prescription.pdf', asha.token);
    expect(bad.status).toBe(422);
    expect(bad.body.error?.fields?.map((f) => f.field)).toEqual(['id']);
  });

  it('lists the patient’s bills with their payments, without who recorded them', async () => {
    const answer = await clinic.request<{ bill: Body; payments: Body[] }[]>('GET', '/bills', {
      token: asha.token,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.map((view) => view.bill.id)).toEqual([visits.asha.billId]);
    const { bill, payments } = answer.body[0]!;
    expect(bill).toMatchObject({
      patientId: asha.id,
      total: 50_000,
      paid: 20_000,
      outstanding: 30_000,
      status: 'PARTIALLY_PAID',
      items: [expect.objectContaining({ kind: 'consultation', unitPrice: 50_000 })],
    });
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ kind: 'payment', amount: 20_000, mode: 'upi', reference: 'UPI-123' });
    expect(payments[0]).not.toHaveProperty('recordedBy');

    const one = await clinic.request<{ bill: Body; payments: Body[] }>(
      'GET',
      `/bills/${visits.asha.billId}`,
      {
        token: asha.token,
      },
    );
    expect(one.status).toBe(200);
    expect(one.body).toEqual(answer.body[0]);
    const body = await expectLikeMissing((id) => `/bills/${id}`, visits.ravi.billId);
    expect(body).toEqual({ error: { code: 'NOT_FOUND', message: 'No such bill.' } });
    expect((await get(`/bills/${visits.asha.billId}`, ravi.token)).status).toBe(404);
  });

  it('serves the patient’s own receipt as a PDF, and another’s like a missing one', async () => {
    const pdf = await get(`/bills/${visits.asha.billId}/receipt.pdf`, asha.token);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('cache-control')).toBe('no-store');
    expect(pdf.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.pdf"$/);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfFlatText(pdf.bytes);
    expect(text).toContain('Asha Rao');
    expect(text).toContain(asha.code);
    const body = await expectLikeMissing((id) => `/bills/${id}/receipt.pdf`, visits.ravi.billId);
    expect(body).toEqual({ error: { code: 'NOT_FOUND', message: 'No such bill.' } });
    expect((await get(`/bills/${visits.asha.billId}/receipt.pdf`)).status).toBe(401);
  });

  // The discount's reason is the receipt's line "Discount (10%) — senior citizen": the patient
  // downloads that receipt, so the bill's API shows the same reason (security review: kept).
  it('shows a discount’s reason on the bill exactly as the patient’s receipt prints it', async () => {
    const discount = { kind: 'percent', basisPoints: 1000, reason: 'senior citizen' } as const;
    await clinic.hub.call(clinic.world.reception, 'billing.setDiscount', {
      billId: visits.ravi.billId,
      discount,
    });
    const bill = await clinic.request<{ bill: { discount: unknown } }>(
      'GET',
      `/bills/${visits.ravi.billId}`,
      {
        token: ravi.token,
      },
    );
    expect(bill.body.bill.discount).toEqual(discount);
    const text = await pdfFlatText((await get(`/bills/${visits.ravi.billId}/receipt.pdf`, ravi.token)).bytes);
    expect(text).toContain('Discount (10%) — senior citizen');
  });
});
