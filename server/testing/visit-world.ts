import { randomUUID } from 'node:crypto';
import type { ConsultationContent } from '@shared/domain/consultation.schema';
import type { PatientDetails } from '@shared/domain/patient.schema';
import { localToInstant } from '@shared/rules/zoned-time';
import type { Caller } from '@server/core/dispatcher';
import { insertDoctor, weekdaySchedule } from '@server/testing/fixtures';
import type { TestHub } from '@server/testing/test-hub';

/**
 * Test set-up for the document tests: a clinic with its letterhead, a doctor with a room, a
 * receptionist, and patients registered and booked through the real handlers (the test hub's
 * day, Monday 23 Nov 2026, 08:00 in Kolkata).
 */
export const HINDI_NAME = 'सुनीता शर्मा';
export const at = (time: string, date = '2026-11-23') => localToInstant(date, time, 'Asia/Kolkata');

export interface VisitWorld {
  reception: Caller;
  doctor: Caller & { doctorId: string };
  doctorId: string;
  register(details: Partial<PatientDetails> & { fullName: string }): Promise<{ id: string; code: string }>;
  book(patientId: string, time: string): Promise<{ id: string; number: string | null }>;
  /** Check-in, a signed consultation with `content`, completion (which bills the fee). */
  completeVisit(
    appointmentId: string,
    content?: Partial<ConsultationContent>,
  ): Promise<{ consultationId: string; billId: string }>;
}

export const SAMPLE_CONSULTATION: Partial<ConsultationContent> = {
  chiefComplaint: 'Fever for three days',
  examinationNotes: 'Throat congested, chest clear',
  clinicalNotes: 'Doctor-only: consider dengue serology if fever persists',
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
  followUpDate: '2026-11-30',
};

export async function visitWorld(hub: TestHub): Promise<VisitWorld> {
  await hub.call(hub.admin, 'settings.update', {
    ...hub.core.settings(),
    address: '14 MG Road, Shivajinagar, Bengaluru 560001',
    phone: '+91 80 4123 4567',
    email: 'care@sunrise-clinic.example',
    // Tests jump through the day; keep sessions alive across the jumps.
    sessionIdleMinutes: 24 * 60,
  });
  const doctorId = insertDoctor(hub.db, {
    fullName: 'Dr Kavita Menon',
    specialization: 'General Physician',
    qualification: 'MBBS, MD (General Medicine)',
    registrationNumber: 'KMC-45678',
    tokenPrefix: 'K',
    sessionMinutes: 30,
    bufferOverride: { before: 0, after: 0 },
  }).id;
  weekdaySchedule(hub.db, doctorId);
  const roomId = randomUUID();
  hub.db.run(
    hub.db.q
      .insertInto('rooms')
      .values({ id: roomId, name: 'Room 2', type: 'consultation', status: 'available' }),
  );
  hub.db.run(hub.db.q.updateTable('weekly_windows').set({ roomId }).where('doctorId', '=', doctorId));
  const reception = await hub.signIn('receptionist');
  const doctor = await hub.signIn('doctor', { doctorId });

  return {
    reception,
    doctor: { ...doctor, doctorId },
    doctorId,
    async register(details) {
      const patient = await hub.call(reception, 'patients.register', {
        id: randomUUID(),
        details: { sex: 'female', ...details },
      });
      return { id: patient.id, code: patient.code };
    },
    async book(patientId, time) {
      const { appointment } = await hub.call(reception, 'appointments.book', {
        id: randomUUID(),
        patientId,
        doctorId,
        startsAt: at(time),
      });
      return { id: appointment.id, number: appointment.number };
    },
    async completeVisit(appointmentId, content = SAMPLE_CONSULTATION) {
      await hub.call(reception, 'queue.checkIn', { appointmentId });
      const draft = await hub.call(doctor, 'consultations.saveDraft', {
        id: randomUUID(),
        appointmentId,
        content,
      });
      await hub.call(doctor, 'consultations.finalize', { id: draft.consultation.id });
      await hub.call(doctor, 'appointments.complete', { id: appointmentId });
      const bill = hub.db.first(
        hub.db.q.selectFrom('bills').select('id').where('appointmentId', '=', appointmentId),
      );
      return { consultationId: draft.consultation.id, billId: bill!.id };
    },
  };
}
