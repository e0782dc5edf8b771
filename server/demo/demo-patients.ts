import type { InputOf } from '@shared/contract/index';
import { ageOn } from '@shared/rules/patient-identity';
import { addDays } from '@shared/rules/zoned-time';
import { INSURERS, LOCALITIES, NAME_GROUPS, type NameGroup, SCRIPT_NAMES, STREETS } from './demo-names';
import type { DemoRandom } from './demo-random';

type PatientDetails = InputOf<'patients.register'>['details'];
type Sex = 'male' | 'female';

export interface DemoPatient {
  id: string;
  details: PatientDetails;
  age: number;
  sex: Sex;
  conditions: readonly string[];
  allergies: readonly string[];
}

const ALLERGIES = [
  'Penicillin',
  'Penicillin',
  'Sulfa drugs',
  'NSAIDs',
  'Aspirin',
  'Peanuts',
  'Dust mites',
  'Latex',
];
const BLOOD_GROUPS = ['O+', 'O+', 'O+', 'B+', 'B+', 'B+', 'A+', 'A+', 'AB+', 'O-', 'B-', 'A-'] as const;
const SCRIPT_SLOTS = [37, 88, 141, 177];
/** Random tries at an unused name before choosing among the free ones (keeps the usual demo unchanged). */
const RANDOM_NAME_ATTEMPTS = 200;

function namesOf(group: NameGroup, sex: Sex) {
  return {
    given: sex === 'male' ? group.male : group.female,
    families: sex === 'female' && group.femaleSurnames ? group.femaleSurnames : group.surnames,
  };
}

function combinations(group: NameGroup, sex: Sex): string[] {
  const { given, families } = namesOf(group, sex);
  return families.flatMap((family) => given.map((name) => `${name} ${family}`));
}

function phone(rng: DemoRandom): string {
  const lead = rng.pick(['98', '99', '97', '96', '94', '90', '88', '87', '81', '80', '70', '63']);
  const digits = (n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join('');
  return `+91 ${lead}${digits(3)} ${digits(5)}`;
}

function address(rng: DemoRandom): string {
  const locality = rng.pick(LOCALITIES);
  return `#${rng.int(1, 480)}, ${rng.pick(STREETS)}, ${locality.name}, Bengaluru ${locality.pin}`;
}

function emailOf(rng: DemoRandom, name: string): string {
  const local = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.|\.$/g, '');
  return `${local}${rng.int(1, 99)}@${rng.pick(['gmail.com', 'gmail.com', 'yahoo.co.in', 'outlook.com'])}`;
}

function ageFor(rng: DemoRandom, index: number): number {
  if (SCRIPT_SLOTS.includes(index)) return rng.int(28, 70);
  const r = rng.next();
  if (r < 0.25) return rng.int(0, 15);
  if (r < 0.85) return rng.int(16, 59);
  return rng.int(60, 86);
}

function chronic(rng: DemoRandom, age: number, sex: Sex): string[] {
  const list: string[] = [];
  const older = age >= 35;
  if (older && rng.chance(0.1 + (age - 35) * 0.005)) list.push('Type 2 Diabetes');
  if (older && rng.chance(0.12 + (age - 35) * 0.006)) list.push('Hypertension');
  if (older && sex === 'female' && rng.chance(0.1)) list.push('Hypothyroidism');
  if (older && rng.chance(0.05)) list.push('Dyslipidemia');
  if (rng.chance(0.05)) list.push('Asthma');
  return list;
}

/** About 200 varied, plausible patients of a Bengaluru family clinic; children share a parent's phone. */
export function demoPatients(rng: DemoRandom, today: string, count = 200): DemoPatient[] {
  const used = new Set<string>();
  const uniqueName = (group: NameGroup, sex: Sex, surname?: string): string => {
    const { given, families } = namesOf(group, sex);
    const take = (name: string) => (used.add(name), name);
    for (let attempt = 0; attempt < RANDOM_NAME_ATTEMPTS; attempt++) {
      // A family's surname is kept while its given names last.
      const keep = surname !== undefined && attempt < 30;
      const name = `${rng.pick(given)} ${keep ? surname : rng.pick(families)}`;
      if (!used.has(name)) return take(name);
    }
    // The community's names are (nearly) used up: choose among the free ones, in any community
    // if need be. Random draws alone never end once every combination is taken.
    for (const groups of [[group], NAME_GROUPS]) {
      const free = groups.flatMap((g) => combinations(g, sex)).filter((name) => !used.has(name));
      if (free.length > 0) return take(rng.pick(free));
    }
    throw new Error(`demo: more people than distinct ${sex} names`);
  };

  const patients: DemoPatient[] = [];
  for (let index = 0; index < count; index++) {
    const group = rng.pick(NAME_GROUPS);
    const age = ageFor(rng, index);
    const script = SCRIPT_NAMES[SCRIPT_SLOTS.indexOf(index)];
    const sex: Sex = script?.sex ?? (rng.chance(0.53) ? 'female' : 'male');
    const fullName = script?.name ?? uniqueName(group, sex);
    const dateOfBirth = addDays(today, -(age * 365 + Math.floor(age / 4) + rng.int(age === 0 ? 60 : 1, 360)));
    const allergies = rng.chance(0.12) ? [rng.pick(ALLERGIES)] : [];
    const conditions = chronic(rng, age, sex);
    const child = age < 16;

    let emergencyContact: PatientDetails['emergencyContact'] = null;
    let contactPhone = phone(rng);
    if (child) {
      const parentSex: Sex = rng.chance(0.65) ? 'female' : 'male';
      const familyName = fullName.split(' ').slice(-1)[0]!;
      const parent = uniqueName(group, parentSex, group.femaleSurnames ? undefined : familyName);
      emergencyContact = {
        name: parent,
        relationship: parentSex === 'female' ? 'Mother' : 'Father',
        phone: contactPhone,
      };
    } else if (rng.chance(0.5)) {
      const relationship = rng.pick(
        age >= 60 ? ['Son', 'Daughter'] : ['Spouse', 'Brother', 'Sister', 'Father'],
      );
      const relativeSex: Sex = ['Son', 'Brother', 'Father'].includes(relationship)
        ? 'male'
        : relationship === 'Spouse'
          ? sex === 'male'
            ? 'female'
            : 'male'
          : 'female';
      emergencyContact = { name: uniqueName(group, relativeSex), relationship, phone: phone(rng) };
    }
    if (!child && rng.chance(0.04)) contactPhone = phone(rng);

    const details: PatientDetails = {
      fullName,
      dateOfBirth,
      sex,
      phone: contactPhone,
      email: !child && rng.chance(0.35) ? emailOf(rng, fullName) : null,
      address: address(rng),
      bloodGroup: rng.chance(0.6) ? rng.pick(BLOOD_GROUPS) : null,
      allergies,
      chronicConditions: conditions,
      insurance:
        !child && rng.chance(0.2)
          ? {
              provider: rng.pick(INSURERS),
              policyNumber: `${rng.int(10, 99)}/${rng.int(2023, 2026)}/${rng.int(100_000, 999_999)}`,
              validUntil: addDays(today, rng.int(30, 400)),
            }
          : null,
      emergencyContact,
    };
    patients.push({
      id: rng.uuid(),
      details,
      age: ageOn(dateOfBirth, today) ?? age,
      sex,
      conditions,
      allergies,
    });
  }
  return patients;
}
