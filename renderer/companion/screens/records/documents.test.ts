import { describe, expect, it } from 'vitest';
import { patientDocuments } from './documents';
import type { PatientAppointment, PatientBillView, PatientConsultation } from './records-types';

const consultation = (id: string, signedAt: string | null): PatientConsultation => ({
  id,
  appointmentId: `appt-${id}`,
  doctorId: 'doc-1',
  signedAt,
  diagnosis: { text: 'Viral fever', code: null },
  advice: '',
  prescription: [],
  tests: [],
  followUpDate: null,
});

const bill = (id: string, number: string | null, createdAt: string): PatientBillView => ({
  bill: {
    id,
    number,
    patientId: 'pat-1',
    appointmentId: null,
    doctorId: 'doc-1',
    currency: 'INR',
    items: [],
    discount: null,
    subtotal: 50_000,
    discountTotal: 0,
    total: 50_000,
    paid: 0,
    outstanding: 50_000,
    status: 'PENDING',
    createdAt,
    updatedAt: createdAt,
  },
  payments: [],
});

const appointment = (id: string, status: PatientAppointment['status'], startsAt: string) =>
  ({
    id,
    number: 'A-2026-000007',
    doctorId: 'doc-2',
    startsAt,
    endsAt: startsAt,
    type: 'NEW_VISIT',
    mode: 'IN_PERSON',
    status,
    meetingLink: null,
    bookedVia: 'patient_app',
    note: '',
    createdAt: startsAt,
    updatedAt: startsAt,
  }) as PatientAppointment;

describe('patientDocuments', () => {
  it('lists prescriptions of signed visits, receipts of numbered bills and slips, newest first', () => {
    const documents = patientDocuments(
      [consultation('c1', '2026-11-23T06:00:00.000Z'), consultation('c2', null)],
      [bill('b1', 'B-2026-000001', '2026-11-24T06:00:00.000Z'), bill('b2', null, '2026-11-25T06:00:00.000Z')],
      [
        appointment('a1', 'CONFIRMED', '2026-12-10T04:30:00.000Z'),
        appointment('a2', 'CANCELLED', '2026-12-11T04:30:00.000Z'),
      ],
    );
    expect(documents.map((d) => [d.kind, d.path])).toEqual([
      ['slip', '/appointments/a1/slip.pdf'],
      ['receipt', '/bills/b1/receipt.pdf'],
      ['prescription', '/consultations/c1/prescription.pdf'],
    ]);
  });

  it('names the files after the document, safe for any phone', () => {
    const [receipt, prescription] = patientDocuments(
      [consultation('c1', '2026-11-23T06:00:00.000Z')],
      [bill('b1', 'B-2026-000001', '2026-11-24T06:00:00.000Z')],
    );
    expect(receipt!.fileName).toBe('receipt-B-2026-000001.pdf');
    expect(prescription!.fileName).toBe('prescription-2026-11-23.pdf');
  });

  it('is empty without records', () => {
    expect(patientDocuments([], [], [])).toEqual([]);
  });
});
