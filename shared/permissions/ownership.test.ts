import { describe, expect, it } from 'vitest';
import type { OwnResource } from './own-scope';
import { keepOwned, mayDo, owns, type ParentResolver } from './ownership';

const patient = { role: 'patient', userId: 'u-p1', patientId: 'p1' } as const;
const doctor = { role: 'doctor', userId: 'u-d1', doctorId: 'd1' } as const;

const appointments = [
  { id: 'a1', patientId: 'p1', doctorId: 'd1' },
  { id: 'a2', patientId: 'p2', doctorId: 'd1' },
  { id: 'a3', patientId: 'p2', doctorId: 'd2' },
];
const bills = [
  { id: 'b1', patientId: 'p1' },
  { id: 'b2', patientId: 'p2' },
];
const parents: Record<string, readonly Record<string, unknown>[]> = { appointments, bills };
const asked: { parent: OwnResource; ids: readonly string[] }[] = [];
const resolve: ParentResolver = (parent, ids) => {
  asked.push({ parent, ids });
  return (parents[parent] ?? []).filter((row) => ids.includes(String(row.id)));
};

describe('the own evaluator', () => {
  it('gives a patient their own appointments and a doctor theirs', () => {
    expect(keepOwned(patient, 'appointments', appointments).map((a) => a.id)).toEqual(['a1']);
    expect(keepOwned(doctor, 'appointments', appointments).map((a) => a.id)).toEqual(['a1', 'a2']);
  });

  it('owns nothing without the identity the rule needs, or without a rule for the role', () => {
    expect(keepOwned({ role: 'patient', patientId: null }, 'appointments', appointments)).toEqual([]);
    expect(keepOwned({ role: 'doctor', doctorId: null }, 'appointments', appointments)).toEqual([]);
    expect(keepOwned({ role: 'nurse' }, 'appointments', appointments)).toEqual([]);
    expect(keepOwned(doctor, 'bills', bills)).toEqual([]);
  });

  it('gives a patient only signed consultations', () => {
    const rows = [
      { id: 'c1', patientId: 'p1', doctorId: 'd1', status: 'draft' },
      { id: 'c2', patientId: 'p1', doctorId: 'd1', status: 'finalized' },
      { id: 'c3', patientId: 'p2', doctorId: 'd1', status: 'finalized' },
    ];
    expect(keepOwned(patient, 'consultations', rows).map((c) => c.id)).toEqual(['c2']);
    expect(keepOwned(doctor, 'consultations', rows).map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
  });

  it('owns bill items through their bill, asking the resolver once for all parents', () => {
    asked.length = 0;
    const items = [
      { id: 'i1', billId: 'b1' },
      { id: 'i2', billId: 'b2' },
      { id: 'i3', billId: 'b1' },
      { id: 'i4', billId: 'missing' },
    ];
    expect(keepOwned(patient, 'bill_items', items, resolve).map((i) => i.id)).toEqual(['i1', 'i3']);
    expect(asked).toEqual([{ parent: 'bills', ids: ['b1', 'b2', 'missing'] }]);
    // Without a resolver (the renderer), a row owned only through its parent is not owned.
    expect(keepOwned(patient, 'bill_items', items)).toEqual([]);
  });

  it('owns a visit’s attachments through its appointment', () => {
    expect(owns(patient, 'attachments', { id: 'f1', appointmentId: 'a1' }, resolve)).toBe(true);
    expect(owns(patient, 'attachments', { id: 'f2', appointmentId: 'a2' }, resolve)).toBe(false);
  });

  it('gives a patient their own user and patient records only', () => {
    expect(owns(patient, 'users', { id: 'u-p1' })).toBe(true);
    expect(owns(patient, 'users', { id: 'u-p2' })).toBe(false);
    expect(owns(patient, 'patients', { id: 'p1' })).toBe(true);
    expect(owns(patient, 'patients', { id: 'p2' })).toBe(false);
  });

  it('answers for operations: the grant, then the record under own', () => {
    expect(mayDo(patient, 'appointments.cancel', appointments[0]!)).toBe(true);
    expect(mayDo(patient, 'appointments.cancel', appointments[1]!)).toBe(false);
    expect(mayDo(patient, 'appointments.confirm', appointments[0]!)).toBe(false);
    expect(mayDo(doctor, 'appointments.confirm', appointments[1]!)).toBe(true);
    expect(mayDo(doctor, 'appointments.confirm', appointments[2]!)).toBe(false);
    expect(mayDo({ role: 'receptionist' }, 'appointments.confirm', appointments[2]!)).toBe(true);
    expect(mayDo(patient, 'billing.get', bills[0]!)).toBe(true);
    expect(mayDo(patient, 'billing.get', bills[1]!)).toBe(false);
    // 'self' operations act on the caller's own identity, whatever record is at hand.
    expect(mayDo(patient, 'appointments.mine', {})).toBe(true);
  });
});
