import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '@shared/contract/index';
import type { Caller } from '@server/core/dispatcher';
import { insertPatient } from '@server/testing/fixtures';
import { failureOf } from '@server/testing/failure';
import { patientCaller } from '@server/testing/patient-caller';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { insertAppointment, setStatus } from '@server/testing/visit-fixtures';

const NINE_AM = '2026-11-23T03:30:00.000Z'; // 09:00 in Kolkata on the test day
const SECRET_NOTE = 'suspect undisclosed alcohol use';
const EXAM_NOTE = 'tender right upper quadrant';
const COMPLAINT = 'burning sensation for two weeks';

const content = (overrides: Partial<InputOf<'consultations.saveDraft'>['content']> = {}) => ({
  chiefComplaint: COMPLAINT,
  examinationNotes: EXAM_NOTE,
  clinicalNotes: SECRET_NOTE,
  diagnosis: { text: 'Gastritis', code: 'K29.7' },
  advice: 'Small frequent meals',
  prescription: [{ medicine: 'Pantoprazole', strength: '40 mg', dosePattern: '1-0-0', durationDays: 14 }],
  tests: [{ name: 'H. pylori stool antigen' }],
  ...overrides,
});

describe('consultation records', () => {
  let hub: TestHub;
  let doctor: Caller & { userId: string; doctorId: string | null };
  let patientId: string;
  let appointmentId: string;

  beforeEach(async () => {
    hub = await createTestHub();
    doctor = await hub.signIn('doctor');
    patientId = insertPatient(hub.db, { allergies: ['Penicillin', 'amoxicillin'] }).id;
    appointmentId = insertAppointment(hub, { doctorId: doctor.doctorId!, patientId, startsAt: NINE_AM });
  });
  afterEach(() => hub.close());

  const saveDraft = (
    caller: Caller,
    overrides = {},
    id: string = randomUUID(),
    baseRevision: string | null = null,
  ) =>
    hub.call(caller, 'consultations.saveDraft', {
      id,
      appointmentId,
      content: content(overrides),
      baseRevision,
    });

  it('saves a draft, signs it, then keeps it immutable and takes addenda', async () => {
    const first = await saveDraft(doctor);
    expect(first.consultation).toMatchObject({ status: 'draft', patientId, doctorId: doctor.doctorId });
    const again = await saveDraft(
      doctor,
      { advice: 'Avoid spicy food' },
      undefined,
      first.consultation.draftRevision,
    );
    expect(again.consultation.id).toBe(first.consultation.id); // one record per appointment
    expect(again.consultation.advice).toBe('Avoid spicy food');

    const signed = await hub.call(doctor, 'consultations.finalize', { id: first.consultation.id });
    expect(signed.consultation).toMatchObject({
      status: 'finalized',
      signedBy: doctor.userId,
      signedAt: hub.clock.now().toISOString(),
    });

    const refused = await failureOf(saveDraft(doctor));
    expect(refused.code).toBe('POLICY');
    expect(refused.message).toMatch(/signed.*addendum/);
    expect(() =>
      hub.db.sqlite
        .prepare(`UPDATE consultations SET advice = 'changed' WHERE id = ?`)
        .run(first.consultation.id),
    ).toThrow(/signed consultation cannot be changed/);

    hub.clock.advance(30);
    const addendum = await hub.call(doctor, 'consultations.addAddendum', {
      id: randomUUID(),
      consultationId: first.consultation.id,
      text: 'Dose of pantoprazole should be 20 mg',
    });
    expect(addendum).toMatchObject({ authorUserId: doctor.userId, at: hub.clock.now().toISOString() });
    const view = await hub.call(doctor, 'consultations.get', { appointmentId });
    expect(view?.addenda).toEqual([addendum]);
    expect(view?.consultation.advice).toBe('Avoid spicy food');

    const audits = hub.db.sqlite
      .prepare(`SELECT kind, action, patientId, details FROM audit_log WHERE entity = 'consultations'`)
      .all() as { kind: string; action: string; patientId: string; details: string }[];
    expect(audits.map((a) => a.action)).toEqual([
      'consultations.saveDraft',
      'consultations.saveDraft',
      'consultations.finalize',
      'consultations.addAddendum',
      'consultations.get',
    ]);
    expect(audits.every((a) => a.patientId === patientId)).toBe(true);
    const details = audits.map((a) => a.details).join(' ');
    expect(details).not.toMatch(/alcohol|quadrant|burning|Gastritis|pantoprazole/i);
  });

  it('refuses to sign an empty record and to write for a patient who is not checked in', async () => {
    const empty = await hub.call(doctor, 'consultations.saveDraft', {
      id: randomUUID(),
      appointmentId,
      content: { examinationNotes: 'normal' },
    });
    const refused = await failureOf(
      hub.call(doctor, 'consultations.finalize', { id: empty.consultation.id }),
    );
    expect(refused).toMatchObject({ code: 'POLICY' });
    expect(refused.message).toMatch(/write the consultation before signing/);
    const addendum = await failureOf(
      hub.call(doctor, 'consultations.addAddendum', {
        id: randomUUID(),
        consultationId: empty.consultation.id,
        text: 'too early',
      }),
    );
    expect(addendum.code).toBe('POLICY');

    const later = insertAppointment(hub, {
      doctorId: doctor.doctorId!,
      patientId: insertPatient(hub.db).id,
      startsAt: '2026-11-23T05:30:00.000Z',
      status: 'CONFIRMED',
    });
    const notIn = await failureOf(
      hub.call(doctor, 'consultations.saveDraft', {
        id: randomUUID(),
        appointmentId: later,
        content: content(),
      }),
    );
    expect(notIn.code).toBe('POLICY');
    expect(notIn.message).toMatch(/checked in; this appointment is confirmed/);
  });

  it('lets only the treating doctor write, while any doctor reads the history', async () => {
    const other = await hub.signIn('doctor');
    const draft = await saveDraft(doctor);
    expect((await failureOf(saveDraft(other))).code).toBe('NOT_FOUND');
    expect(
      (await failureOf(hub.call(other, 'consultations.finalize', { id: draft.consultation.id }))).code,
    ).toBe('NOT_FOUND');
    await hub.call(doctor, 'consultations.finalize', { id: draft.consultation.id });
    await hub.call(doctor, 'consultations.addAddendum', {
      id: randomUUID(),
      consultationId: draft.consultation.id,
      text: 'Seen again in the evening; reassured.',
    });

    const history = await hub.call(other, 'consultations.patientHistory', { patientId });
    expect(history).toHaveLength(1);
    expect(history[0]!.consultation.clinicalNotes).toBe(SECRET_NOTE);
    expect(history[0]!.addenda).toHaveLength(1);
    const read = hub.db.sqlite
      .prepare(`SELECT actorUserId, patientId FROM audit_log WHERE action = 'consultations.patientHistory'`)
      .get();
    expect(read).toEqual({ actorUserId: other.userId, patientId });
  });

  it('warns when a prescribed medicine matches a recorded allergy', async () => {
    const view = await saveDraft(doctor, {
      prescription: [
        { medicine: 'Paracetamol', dosePattern: '1-0-1', durationDays: 3 },
        { medicine: 'Penicillin V', strength: '250 mg', dosePattern: '1-1-1', durationDays: 5 },
        { medicine: 'AMOXICILLIN 500', dosePattern: '1-0-1', durationDays: 5 },
        { medicine: 'Amoxicillinate', dosePattern: '1-0-1', durationDays: 5 },
      ],
    });
    expect(view.allergyWarnings).toEqual([
      {
        medicine: 'Penicillin V',
        allergy: 'Penicillin',
        itemIndex: 1,
        reason: 'Phenoxymethylpenicillin is one of the Penicillins',
      },
      {
        medicine: 'AMOXICILLIN 500',
        allergy: 'Penicillin',
        itemIndex: 2,
        reason: 'Amoxicillin is one of the Penicillins',
      },
      {
        medicine: 'AMOXICILLIN 500',
        allergy: 'amoxicillin',
        itemIndex: 2,
        reason: 'AMOXICILLIN 500 contains amoxicillin',
      },
    ]);
  });

  it('lets a nurse record vitals before the doctor writes, and never after signing', async () => {
    const nurse = await hub.signIn('nurse');
    const vitals = { systolic: 130, diastolic: 85, pulse: 78, temperatureC: 37.2, spo2: 98, weightKg: 64 };
    const recorded = await hub.call(nurse, 'consultations.recordVitals', {
      id: randomUUID(),
      appointmentId,
      vitals,
    });
    expect(recorded.vitals).toEqual(vitals);
    const draft = await saveDraft(doctor); // sends no vitals: the nurse's stay
    expect(draft.consultation.id).toBe(recorded.consultationId);
    expect(draft.consultation.vitals).toEqual(vitals);
    expect(draft.consultation.doctorId).toBe(doctor.doctorId);

    await hub.call(doctor, 'consultations.finalize', { id: draft.consultation.id });
    const refused = await failureOf(
      hub.call(nurse, 'consultations.recordVitals', { id: randomUUID(), appointmentId, vitals }),
    );
    expect(refused.code).toBe('POLICY');
  });

  it('reads recorded vitals back: a nurse only for checked-in patients, every read audited', async () => {
    const nurse = await hub.signIn('nurse');
    const vitals = { systolic: 118, diastolic: 76, pulse: 70, temperatureC: null, spo2: 99, weightKg: null };
    const notYet = insertAppointment(hub, {
      doctorId: doctor.doctorId!,
      patientId: insertPatient(hub.db).id,
      startsAt: '2026-11-23T04:30:00.000Z',
    });
    const { consultationId } = await hub.call(nurse, 'consultations.recordVitals', {
      id: randomUUID(),
      appointmentId,
      vitals,
    });
    const both = { appointmentIds: [appointmentId, notYet] };
    const expected = [{ appointmentId, consultationId, vitals, updatedAt: hub.clock.now().toISOString() }];
    expect(await hub.call(nurse, 'consultations.vitals', both)).toEqual(expected);
    expect(await hub.call(doctor, 'consultations.vitals', both)).toEqual(expected);

    hub.clock.advance(1); // a later save: the record's next version (the same one is audited once)
    await saveDraft(doctor); // the doctor's draft: the nurse still reads only the vitals
    const nurseView = await hub.call(nurse, 'consultations.vitals', both);
    expect(JSON.stringify(nurseView)).not.toMatch(new RegExp(`${COMPLAINT}|${SECRET_NOTE}|Gastritis`));

    setStatus(hub, appointmentId, 'COMPLETED');
    expect(await hub.call(nurse, 'consultations.vitals', both)).toEqual([]);
    expect(await hub.call(doctor, 'consultations.vitals', both)).toHaveLength(1);
    const receptionist = await hub.signIn('receptionist');
    expect((await failureOf(hub.call(receptionist, 'consultations.vitals', both))).code).toBe('FORBIDDEN');
    const reads = hub.db.sqlite
      .prepare(`SELECT kind, patientId, entityId FROM audit_log WHERE action = 'consultations.vitals'`)
      .all();
    expect(reads).toEqual(Array(4).fill({ kind: 'read', patientId, entityId: consultationId }));
  });

  it('hides the record from reception and gives the patient only the summary', async () => {
    const receptionist = await hub.signIn('receptionist');
    const draft = await saveDraft(doctor);
    const patient = patientCaller(hub, patientId);
    expect(await hub.call(patient, 'consultations.mySummaries', {})).toEqual([]); // drafts are not shown

    await hub.call(doctor, 'consultations.finalize', { id: draft.consultation.id });
    const forbidden = await failureOf(hub.call(receptionist, 'consultations.get', { appointmentId }));
    expect(forbidden.code).toBe('FORBIDDEN');

    const summaries = await hub.call(patient, 'consultations.mySummaries', {});
    expect(summaries).toHaveLength(1);
    expect(summaries[0]).toMatchObject({ id: draft.consultation.id, advice: 'Small frequent meals' });
    const json = JSON.stringify(summaries);
    expect(json).not.toContain(SECRET_NOTE);
    expect(json).not.toContain(EXAM_NOTE);
    expect(json).not.toContain(COMPLAINT);
    expect(Object.keys(summaries[0]!)).not.toContain('clinicalNotes');
    const read = hub.db.sqlite
      .prepare(`SELECT kind, patientId FROM audit_log WHERE action = 'consultations.mySummaries'`)
      .all();
    expect(read).toEqual([
      { kind: 'read', patientId },
      { kind: 'read', patientId },
    ]);
  });
});
