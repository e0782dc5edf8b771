import type { z } from 'zod';
import {
  type ConsultationContent,
  consultationContentSchema,
  type PrescriptionItem,
} from '@shared/domain/consultation.schema';
import type { TemperatureUnit } from '@shared/rules/vitals-ranges';
import {
  type VitalsForm,
  vitalsFormProblems,
  vitalsInput,
  vitalsToForm,
} from '@renderer/screens/shared/vitals/vitals-form';

export interface PrescriptionRowForm extends Omit<PrescriptionItem, 'durationDays' | 'timing'> {
  durationDays: string;
  /** '' until the doctor chooses: a new row is empty, never a default to sign unread. */
  timing: PrescriptionItem['timing'] | '';
}

export interface ConsultationForm {
  chiefComplaint: string;
  vitals: VitalsForm;
  examinationNotes: string;
  diagnosis: { text: string; code: string };
  clinicalNotes: string;
  advice: string;
  prescription: PrescriptionRowForm[];
  tests: { name: string; notes: string }[];
  followUpDate: string;
}

export const TIMING_LABELS: Record<PrescriptionItem['timing'], string> = {
  after_food: 'After food',
  before_food: 'Before food',
  with_food: 'With food',
  empty_stomach: 'Empty stomach',
  bedtime: 'At bedtime',
  as_needed: 'As needed',
  any_time: 'Any time',
};

/** A new row is empty: the dose, timing and days are chosen (or come from a template) on purpose. */
export const emptyMedicine = (): PrescriptionRowForm => ({
  medicine: '',
  strength: '',
  dosePattern: '',
  timing: '',
  durationDays: '',
  instructions: '',
});

/** A saved row (a template's) as a form row. */
export const medicineRow = (item: PrescriptionItem): PrescriptionRowForm => ({
  ...item,
  durationDays: String(item.durationDays),
});

/** The record as the form's boxes; `unit`: the clinic's temperature unit. */
export function toForm(content: ConsultationContent, unit: TemperatureUnit = 'C'): ConsultationForm {
  return {
    chiefComplaint: content.chiefComplaint,
    vitals: vitalsToForm(content.vitals, unit),
    examinationNotes: content.examinationNotes,
    diagnosis: { text: content.diagnosis.text, code: content.diagnosis.code ?? '' },
    clinicalNotes: content.clinicalNotes,
    advice: content.advice,
    prescription: content.prescription.map(medicineRow),
    tests: content.tests.map((t) => ({ ...t })),
    followUpDate: content.followUpDate ?? '',
  };
}

/** What the form says, as the contract's input (not yet validated: see `checkContent`). */
export function toContentInput(
  form: ConsultationForm,
  unit: TemperatureUnit = 'C',
): z.input<typeof consultationContentSchema> {
  return {
    chiefComplaint: form.chiefComplaint,
    vitals: vitalsInput(form.vitals, unit),
    examinationNotes: form.examinationNotes,
    diagnosis: { text: form.diagnosis.text, code: form.diagnosis.code.trim().toUpperCase() || null },
    clinicalNotes: form.clinicalNotes,
    advice: form.advice,
    prescription: form.prescription.map((p) => ({
      ...p,
      // '' (not chosen) is refused by the schema and named as the row's timing field.
      timing: p.timing as PrescriptionItem['timing'],
      dosePattern: p.dosePattern.trim(),
      durationDays: p.durationDays.trim() === '' ? Number.NaN : Number(p.durationDays),
    })),
    tests: form.tests,
    followUpDate: form.followUpDate || null,
  };
}

/** The rows as saved items (for a template), or the first problem in words. */
export function rowsToItems(
  rows: PrescriptionRowForm[],
): { ok: true; items: PrescriptionItem[] } | { ok: false; problem: string } {
  const check = checkContent({ ...toForm(consultationContentSchema.parse({})), prescription: rows });
  if (check.ok) return { ok: true, items: check.content.prescription };
  const first = check.problems[0]!;
  const [, row, field] = first.field.split('.');
  return { ok: false, problem: `medicine ${Number(row) + 1}: ${field} ${first.message}` };
}

export type ContentCheck =
  { ok: true; content: ConsultationContent } | { ok: false; problems: { field: string; message: string }[] };

/** Validates with the shared schema the hub uses; problems name form fields (e.g. `prescription.1.dosePattern`). */
export function checkContent(form: ConsultationForm, unit: TemperatureUnit = 'C'): ContentCheck {
  const parsed = consultationContentSchema.safeParse(toContentInput(form, unit));
  if (parsed.success) return { ok: true, content: parsed.data };
  // Vitals are told in the clinic's unit (a °F clinic reads "at most 113 °F").
  const vitals = vitalsFormProblems(form.vitals, unit).map((p) => ({
    field: `vitals.${p.field}`,
    message: p.message,
  }));
  const told = new Set(vitals.map((p) => p.field));
  return {
    ok: false,
    problems: parsed.error.issues
      .filter((issue) => !told.has(issue.path.join('.')))
      .map((issue) => ({
        field: issue.path.join('.'),
        message:
          issue.code === 'invalid_type' && issue.path.includes('durationDays')
            ? 'must be a number of days'
            : issue.path.at(-1) === 'timing'
              ? 'choose when to take it'
              : issue.message,
      }))
      .concat(vitals),
  };
}
