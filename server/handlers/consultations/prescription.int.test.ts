import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pdfFlatText, pdfInfo, previewPdf } from '@server/testing/pdf-reader';
import { at, HINDI_NAME, type VisitWorld, visitWorld } from '@server/testing/visit-world';
import { failureOf } from '@server/testing/failure';
import { patientCaller } from '@server/testing/patient-caller';
import { createTestHub, freshAdmin, type TestHub } from '@server/testing/test-hub';

describe('consultations.prescriptionPdf', () => {
  let hub: TestHub;
  let world: VisitWorld;

  beforeEach(async () => {
    hub = await createTestHub();
    world = await visitWorld(hub);
  }, 30_000);
  afterEach(() => hub.close());

  async function signedVisit(fullName: string, time = '09:00') {
    const patient = await world.register({
      fullName,
      dateOfBirth: '1988-03-14',
      sex: 'female',
      allergies: ['Penicillin'],
    });
    const appointment = await world.book(patient.id, time);
    hub.clock.set(at(time));
    const { consultationId } = await world.completeVisit(appointment.id);
    return { patient, appointment, consultationId };
  }

  it('prints an estimated age as "about", and allergies never asked as not recorded (not as none known)', async () => {
    const patient = await world.register({
      fullName: 'Ramesh Gowda',
      dateOfBirth: '1968-01-01',
      dateOfBirthEstimated: true,
      sex: 'male',
    });
    const appointment = await world.book(patient.id, '09:00');
    hub.clock.set(at('09:00'));
    const { consultationId } = await world.completeVisit(appointment.id);
    const pdf = await hub.call(world.doctor, 'consultations.prescriptionPdf', { id: consultationId });
    const text = await pdfFlatText(pdf.base64);
    expect(text).toContain('about 58 y / Male');
    expect(text).toContain('Allergies: not recorded');
    expect(text).not.toContain('1968');

    await hub.call(await freshAdmin(hub), 'patients.update', {
      id: patient.id,
      details: { allergies: [], allergiesRecorded: true },
    });
    const again = await hub.call(world.doctor, 'consultations.prescriptionPdf', { id: consultationId });
    expect(await pdfFlatText(again.base64)).toContain('No known allergies');
  });

  it('prints the signed record’s summary with letterhead, doctor, patient and signature — never the notes', async () => {
    const { patient, appointment, consultationId } = await signedVisit(HINDI_NAME);

    const a4 = await hub.call(world.doctor, 'consultations.prescriptionPdf', { id: consultationId });
    const a5 = await hub.call(world.doctor, 'consultations.prescriptionPdf', {
      id: consultationId,
      paper: 'A5',
    });
    expect(a4).toMatchObject({ fileName: 'prescription-A-2026-000001.pdf', mimeType: 'application/pdf' });
    expect(await pdfInfo(a4.base64)).toMatchObject({ pages: 1, width: 595.28, height: 841.89 });
    expect(await pdfInfo(a5.base64)).toMatchObject({ pages: 1, width: 419.53, height: 595.28 });
    await previewPdf('prescription-a4', a4.base64);
    await previewPdf('prescription-a5', a5.base64);

    for (const pdf of [a4, a5]) {
      const text = await pdfFlatText(pdf.base64);
      for (const expected of [
        'Sunrise Clinic',
        '14 MG Road, Shivajinagar, Bengaluru 560001',
        'Phone +91 80 4123 4567',
        'PRESCRIPTION',
        'Dr Kavita Menon',
        'MBBS, MD (General Medicine)',
        'Reg. No. KMC-45678',
        HINDI_NAME,
        `Patient code ${patient.code}`,
        '38 y / Female',
        'Mon, 23 Nov 2026',
        'A-2026-000001',
        'Allergies: Penicillin',
        'Acute viral fever (R50.9)',
        'Paracetamol 650 mg',
        '1-0-1',
        'After food',
        '5 days',
        'Only when the temperature is above 100°F',
        'Complete blood count',
        'Fasting not needed',
        'Drink plenty of fluids and rest for three days.',
        'Follow-up visit: Mon, 30 Nov 2026',
        'Signed electronically 23 Nov 2026, 9:00 am',
      ]) {
        expect(text).toContain(expected);
      }
      for (const secret of ['Fever for three days', 'Throat congested', 'Doctor-only', 'dengue']) {
        expect(text).not.toContain(secret);
      }
    }

    // The appointment's id finds the same record.
    const byAppointment = await hub.call(world.doctor, 'consultations.prescriptionPdf', {
      id: appointment.id,
    });
    expect(byAppointment.fileName).toBe(a4.fileName);

    const reads = await hub.call(await freshAdmin(hub), 'audit.list', {
      patientId: patient.id,
      limit: 50,
      offset: 0,
    });
    const printed = reads.items.filter((entry) => entry.action === 'consultations.prescriptionPdf');
    expect(printed).toHaveLength(3);
    expect(printed[0]).toMatchObject({ kind: 'read', entity: 'consultations', entityId: consultationId });
  });

  it('is refused to the front desk and admin; a patient gets only their own signed one', async () => {
    const mine = await signedVisit('Asha Rao', '09:00');
    const theirs = await signedVisit('Ravi Kumar', '09:30');
    const phone = patientCaller(hub, mine.patient.id);

    for (const staff of [world.reception, await freshAdmin(hub)]) {
      expect(
        await failureOf(hub.call(staff, 'consultations.prescriptionPdf', { id: mine.consultationId })),
      ).toMatchObject({ code: 'FORBIDDEN' });
    }
    const own = await hub.call(phone, 'consultations.prescriptionPdf', { id: mine.consultationId });
    expect(await pdfFlatText(own.base64)).toContain('Asha Rao');
    const other = await failureOf(
      hub.call(phone, 'consultations.prescriptionPdf', { id: theirs.consultationId }),
    );
    const missing = await failureOf(hub.call(phone, 'consultations.prescriptionPdf', { id: randomUUID() }));
    expect(other).toEqual({ code: 'NOT_FOUND', message: 'No such prescription.' });
    expect(other).toEqual(missing);
  });

  it('is not printed before the record is signed', async () => {
    const patient = await world.register({ fullName: 'Meera Nair' });
    const appointment = await world.book(patient.id, '10:00');
    await hub.call(world.reception, 'queue.checkIn', { appointmentId: appointment.id });
    const draft = await hub.call(world.doctor, 'consultations.saveDraft', {
      id: randomUUID(),
      appointmentId: appointment.id,
      content: { diagnosis: { text: 'Migraine' } },
    });
    const id = draft.consultation.id;
    expect(await failureOf(hub.call(world.doctor, 'consultations.prescriptionPdf', { id }))).toMatchObject({
      code: 'POLICY',
    });
    expect(
      await failureOf(hub.call(patientCaller(hub, patient.id), 'consultations.prescriptionPdf', { id })),
    ).toEqual({
      code: 'NOT_FOUND',
      message: 'No such prescription.',
    });
  });

  it('continues a long prescription on a second page and keeps the signature whole', async () => {
    const patient = await world.register({ fullName: 'Lakshmi Pillai', dateOfBirth: '1950-01-01' });
    const appointment = await world.book(patient.id, '11:00');
    hub.clock.set(at('11:00'));
    const { consultationId } = await world.completeVisit(appointment.id, {
      diagnosis: { text: 'Type 2 diabetes mellitus with hypertension', code: 'E11.9' },
      prescription: Array.from({ length: 14 }, (_, index) => ({
        medicine: `Medicine number ${index + 1}`,
        strength: '500 mg',
        dosePattern: '1-0-1',
        timing: 'after_food' as const,
        durationDays: 30,
        instructions: 'Take with a full glass of water; do not crush or chew the tablet.',
      })),
      tests: [{ name: 'HbA1c', notes: '' }],
      advice: 'Walk for thirty minutes every day. '.repeat(20),
    });
    const pdf = await hub.call(world.doctor, 'consultations.prescriptionPdf', {
      id: consultationId,
      paper: 'A5',
    });
    expect((await pdfInfo(pdf.base64)).pages).toBeGreaterThanOrEqual(2);
    const text = await pdfFlatText(pdf.base64);
    expect(text).toContain('Medicine number 14 500 mg');
    expect(text).toContain('Prescription (continued)');
    expect(text).toContain('Signed electronically 23 Nov 2026, 11:00 am');
    await previewPdf('prescription-a5-long', pdf.base64);
  });
});
