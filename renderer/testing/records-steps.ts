import { randomUUID } from 'node:crypto';
import { staffSocket } from './staff-socket';

/** What a signed visit with its bill made for a patient of the companion app. */
export interface SignedVisit {
  doctorId: string;
  doctorName: string;
  appointmentId: string;
  consultationId: string;
  billId: string;
}

/** The summary a patient reads (docs/product.md §8), with doctor-only text that must not reach them. */
export const VISIT_CONTENT = {
  chiefComplaint: 'Fever for three days',
  examinationNotes: 'Throat congested, chest clear',
  clinicalNotes: 'Doctor-only: consider dengue serology',
  diagnosis: { text: 'Acute viral fever', code: 'R50.9' },
  advice: 'Drink plenty of fluids and rest for three days.',
  prescription: [
    {
      medicine: 'Paracetamol',
      strength: '650 mg',
      dosePattern: '1-0-1',
      timing: 'after_food',
      durationDays: 5,
      instructions: 'Only when the temperature is above 100°F',
    },
  ],
  tests: [{ name: 'Complete blood count', notes: 'Fasting not needed' }],
  followUpDate: '2027-01-15',
};

/**
 * Staff at the demo clinic see `patientId` as a walk-in, the doctor signs a consultation and
 * completes the visit (which bills the fee), and reception takes part of the fee by UPI: the
 * records a patient then finds in the app. The doctor is the test's own, working all day every
 * day, so the demo's schedules and the time of day do not matter.
 */
export async function signedVisitWithBill(
  hubUrl: string,
  patientId: string,
  options: { paid?: number } = {},
): Promise<SignedVisit> {
  const admin = await staffSocket(hubUrl, 'admin');
  const reception = await staffSocket(hubUrl, 'receptionist');
  const suffix = randomUUID().slice(0, 6);
  const doctorId = randomUUID();
  const doctorName = `Dr. Kavita Iyer ${suffix}`;
  const login = { username: `dr.iyer.${suffix}`, password: 'Records-Doctor-2026' };
  try {
    const roomId = randomUUID();
    await admin.call('rooms.create', { id: roomId, details: { name: `Room ${suffix}` } });
    await admin.call('doctors.create', {
      id: doctorId,
      details: {
        fullName: doctorName,
        specialization: 'General medicine',
        registrationNumber: `KMC-${suffix}`,
        fees: { newVisit: 50_000, followUp: 30_000 },
        tokenPrefix: 'K',
      },
    });
    await admin.call('users.create', {
      id: randomUUID(),
      ...login,
      displayName: doctorName,
      role: 'doctor',
      doctorId,
    });
    const windows = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      weekday,
      start: '00:00',
      end: '23:55',
      roomId,
    }));
    await admin.call('schedules.setWeekly', { doctorId, windows });
    const appointmentId = randomUUID();
    await reception.call('queue.walkIn', { appointmentId, doctorId, patientId, placement: 'queue' });
    const doctor = await staffSocket(hubUrl, login);
    let consultationId: string;
    try {
      const draft = await doctor.call<{ consultation: { id: string } }>('consultations.saveDraft', {
        id: randomUUID(),
        appointmentId,
        content: VISIT_CONTENT,
      });
      consultationId = draft.consultation.id;
      await doctor.call('consultations.finalize', { id: consultationId });
      await doctor.call('appointments.complete', { id: appointmentId });
    } finally {
      doctor.close();
    }
    const bills = await reception.call<{ items: { id: string; appointmentId: string | null }[] }>(
      'billing.list',
      { patientId },
    );
    const bill = bills.items.find((b) => b.appointmentId === appointmentId);
    if (!bill) throw new Error('Completing the visit made no bill');
    await reception.call('billing.recordPayment', {
      id: randomUUID(),
      billId: bill.id,
      amount: options.paid ?? 20_000,
      mode: 'upi',
      reference: 'UPI-123',
    });
    return { doctorId, doctorName, appointmentId, consultationId, billId: bill.id };
  } finally {
    admin.close();
    reception.close();
  }
}
