import type { InputOf } from '@shared/contract/index';
import type { Vitals } from '@shared/domain/consultation.schema';
import { addDays } from '@shared/rules/zoned-time';
import type { DemoCase } from './demo-case-types';
import { PRIMARY_CASES } from './demo-cases-primary';
import { SPECIALIST_CASES } from './demo-cases-specialist';
import type { DemoPatient } from './demo-patients';
import type { DemoRandom } from './demo-random';
import type { DoctorKey } from './demo-staff';

type Content = InputOf<'consultations.saveDraft'>['content'];

const CASES = [...PRIMARY_CASES, ...SPECIALIST_CASES];

const fitsPatient = (kase: DemoCase, patient: DemoPatient) =>
  !kase.fits || kase.fits({ age: patient.age, sex: patient.sex, conditions: patient.conditions });

/** What brings the patient to this doctor; a follow-up usually continues the last visit's problem. */
export function chooseCase(
  rng: DemoRandom,
  doctor: DoctorKey,
  patient: DemoPatient,
  previous?: DemoCase,
): DemoCase {
  if (previous && rng.chance(0.7)) return previous;
  const options = CASES.filter((c) => c.doctor === doctor && fitsPatient(c, patient));
  // Chronic patients mostly come for their condition.
  const chronic = options.filter(
    (c) =>
      c.fits &&
      patient.conditions.some((p) => c.diagnosis.toLowerCase().includes(p.split(' ').pop()!.toLowerCase())),
  );
  if (chronic.length > 0 && rng.chance(0.6)) return rng.pick(chronic);
  return rng.pick(options.length > 0 ? options : CASES.filter((c) => c.doctor === doctor));
}

const round1 = (value: number) => Math.round(value * 10) / 10;

function weightFor(rng: DemoRandom, patient: DemoPatient): number {
  if (patient.age < 1) return round1(4 + rng.next() * 5);
  if (patient.age < 13) return round1(8 + patient.age * 2.6 + rng.next() * 4);
  if (patient.age < 18) return round1(35 + (patient.age - 13) * 4 + rng.next() * 10);
  return round1((patient.sex === 'male' ? 62 : 52) + rng.next() * 26);
}

export function vitalsFor(rng: DemoRandom, patient: DemoPatient, fever: boolean): Vitals {
  const child = patient.age < 13;
  const hypertensive = patient.conditions.includes('Hypertension');
  const systolic = child
    ? null
    : rng.int(108, 132) + (hypertensive ? rng.int(8, 24) : 0) + Math.max(0, patient.age - 50) / 3;
  return {
    systolic: systolic === null ? null : Math.round(systolic),
    diastolic: systolic === null ? null : Math.round(systolic * 0.62 + rng.int(-4, 6)),
    pulse: child ? rng.int(88, 124) : rng.int(66, 94) + (fever ? 12 : 0),
    temperatureC: fever ? round1(37.9 + rng.next() * 1.3) : round1(36.5 + rng.next() * 0.6),
    spo2: rng.int(96, 99),
    weightKg: weightFor(rng, patient),
  };
}

/** The record the doctor writes: complaint, findings, coded diagnosis, advice, prescription, tests. */
export function consultationContent(
  rng: DemoRandom,
  kase: DemoCase,
  patient: DemoPatient,
  options: { date: string; followUp: boolean; vitals: boolean },
): Content {
  const medicines = kase.medicines.filter((m) => !m.avoidFor.some((a) => patient.allergies.includes(a)));
  const count =
    medicines.length === 0 ? 0 : rng.int(Math.min(1, medicines.length), Math.min(3, medicines.length));
  const prescription = rng.sample(medicines, count).map(({ avoidFor: _avoidFor, ...item }) => item);
  const tests = rng.chance(kase.testChance)
    ? rng.sample(kase.tests, rng.int(1, Math.min(2, kase.tests.length)))
    : [];
  const complaint = rng.pick(kase.complaints);
  const allergyNote =
    patient.allergies.length > 0 ? ` Known allergy: ${patient.allergies.join(', ')} — avoided.` : '';
  return {
    chiefComplaint: options.followUp ? `Review visit. ${complaint}` : complaint,
    ...(options.vitals ? { vitals: vitalsFor(rng, patient, kase.fever === true) } : {}),
    examinationNotes: kase.examination,
    diagnosis: { text: kase.diagnosis, code: kase.code },
    clinicalNotes: `${kase.clinicalNotes}${allergyNote}`,
    advice: kase.advice,
    prescription,
    tests: tests.map((name) => ({ name, notes: '' })),
    followUpDate: kase.followUpDays ? addDays(options.date, kase.followUpDays) : null,
  };
}
