import type { PrescriptionItem } from '@shared/domain/consultation.schema';
import type { DoctorKey } from './demo-staff';

export interface DemoMedicine extends PrescriptionItem {
  /** Recorded allergies that rule this medicine out. */
  avoidFor: readonly string[];
}

/** One kind of visit a doctor sees: what the patient says, what the doctor finds and writes. */
export interface DemoCase {
  doctor: DoctorKey;
  complaints: readonly string[];
  examination: string;
  diagnosis: string;
  /** ICD-10 code. */
  code: string;
  advice: string;
  clinicalNotes: string;
  medicines: readonly DemoMedicine[];
  tests: readonly string[];
  /** Probability that the doctor asks for the tests. */
  testChance: number;
  fever?: boolean;
  followUpDays?: number;
  /** Who this case can happen to (age in years, sex, conditions). */
  fits?: (patient: { age: number; sex: string; conditions: readonly string[] }) => boolean;
}

export function med(
  medicine: string,
  strength: string,
  dosePattern: string,
  durationDays: number,
  options: { timing?: PrescriptionItem['timing']; instructions?: string; avoidFor?: string[] } = {},
): DemoMedicine {
  return {
    medicine,
    strength,
    dosePattern,
    timing: options.timing ?? 'after_food',
    durationDays,
    instructions: options.instructions ?? '',
    avoidFor: options.avoidFor ?? [],
  };
}

export const PENICILLIN = ['Penicillin'];
export const SULFA = ['Sulfa drugs'];
export const NSAID = ['NSAIDs', 'Aspirin'];

/** In-house tests the front desk bills when they are done at the clinic, in paise. */
export const TEST_PRICES: Readonly<Record<string, number>> = {
  'Complete blood count (CBC)': 35_000,
  'Dengue NS1 antigen': 60_000,
  'Random blood sugar (RBS)': 15_000,
  'Fasting and post-prandial blood sugar': 25_000,
  HbA1c: 55_000,
  'Lipid profile': 50_000,
  'Urine routine and microscopy': 20_000,
  'Thyroid profile (TSH)': 40_000,
  'Serum creatinine': 25_000,
  'Vitamin D (25-OH)': 150_000,
  'X-ray knee, AP and lateral': 60_000,
  'X-ray lumbosacral spine': 65_000,
  'X-ray cervical spine': 60_000,
  'Ultrasound pelvis': 120_000,
  'KOH mount (skin scraping)': 30_000,
  'Haemoglobin (Hb)': 10_000,
  'Stool routine': 20_000,
};
