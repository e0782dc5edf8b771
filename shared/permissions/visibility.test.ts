import { describe, expect, it } from 'vitest';
import { syncedEntities } from '@shared/contract/sync.contract';
import { consultationSchema } from '@shared/domain/consultation.schema';
import { patientConsultationColumns, redactRow, visibilityOf, visibilityPolicy } from './visibility';

const consultationRow = {
  id: 'c1',
  appointmentId: 'a1',
  patientId: 'p1',
  doctorId: 'd1',
  status: 'finalized',
  chiefComplaint: 'fever for three days',
  vitals: { systolic: 120, diastolic: 80, pulse: 72, temperatureC: 38.2, spo2: 98, weightKg: 60 },
  examinationNotes: 'throat congested',
  diagnosis: { text: 'viral pharyngitis', code: 'J02.9' },
  clinicalNotes: 'consider allergy panel if recurrent',
  advice: 'fluids, rest',
  prescription: [{ medicine: 'Paracetamol' }],
  tests: [],
  followUpDate: null,
  signedBy: 'u1',
  signedAt: '2026-11-21T05:00:00.000Z',
  createdAt: '2026-11-21T04:30:00.000Z',
  updatedAt: '2026-11-21T05:00:00.000Z',
};

describe('field visibility', () => {
  it('defines every role for every synced table', () => {
    for (const entity of syncedEntities) {
      expect(Object.keys(visibilityPolicy[entity]).sort()).toEqual([
        'admin',
        'doctor',
        'nurse',
        'patient',
        'receptionist',
      ]);
    }
  });

  it('gives the receptionist and admin no consultation content at all', () => {
    for (const role of ['receptionist', 'admin'] as const) {
      for (const entity of ['consultations', 'addenda', 'attachments'] as const) {
        expect(visibilityOf(role, entity).rows).toBe('none');
        expect(redactRow(role, entity, consultationRow)).toBeNull();
      }
    }
  });

  it('gives a doctor the whole record', () => {
    expect(redactRow('doctor', 'consultations', consultationRow)).toEqual(consultationRow);
  });

  it('gives a patient the summary without clinical or examination notes', () => {
    const seen = redactRow('patient', 'consultations', consultationRow)!;
    expect(Object.keys(seen).sort()).toEqual([...patientConsultationColumns].sort());
    expect(JSON.stringify(seen)).not.toContain('allergy panel');
    expect(JSON.stringify(seen)).not.toContain('throat congested');
    expect(JSON.stringify(seen)).not.toContain('fever');
  });

  it('gives a nurse vitals but nothing the doctor wrote', () => {
    const seen = redactRow('nurse', 'consultations', consultationRow)!;
    expect(seen.vitals).toEqual(consultationRow.vitals);
    expect(JSON.stringify(seen)).not.toMatch(/pharyngitis|fluids|allergy panel|fever|Paracetamol/);
  });

  it('names only real consultation columns', () => {
    const known = Object.keys(consultationSchema.shape);
    for (const role of ['patient', 'nurse'] as const) {
      const { columns } = visibilityOf(role, 'consultations');
      expect(columns === 'all' ? [] : columns.filter((c) => !known.includes(c))).toEqual([]);
    }
  });

  it("carries a nurse's consultation status with the signing that defines it (the hub's schema ties them)", () => {
    const seen = redactRow('nurse', 'consultations', consultationRow)!;
    expect(seen).toMatchObject({ status: 'finalized', signedAt: consultationRow.signedAt, signedBy: 'u1' });
  });

  it('scopes rows to a checked-in visit only in tables whose rows name their visit', () => {
    const scoped = syncedEntities.flatMap((entity) =>
      (['patient', 'receptionist', 'doctor', 'nurse', 'admin'] as const)
        .map((role) => ({ role, entity, ...visibilityOf(role, entity) }))
        .filter((v) => v.rows === 'checkedIn'),
    );
    expect(scoped.map((v) => `${v.role}:${v.entity}`)).toEqual(['nurse:consultations']);
    for (const v of scoped) expect(v.columns === 'all' || v.columns.includes('appointmentId')).toBe(true);
  });

  it('keeps user secrets off every non-admin replica', () => {
    const row = { id: 'u', username: 'asha', role: 'doctor', passwordHash: 'argon2id$...' };
    expect(redactRow('receptionist', 'users', row)).toEqual({ id: 'u', username: 'asha', role: 'doctor' });
  });
});
