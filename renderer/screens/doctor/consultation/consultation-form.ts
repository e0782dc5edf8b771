import type { z } from 'zod';
import {
  type ConsultationContent,
  consultationContentSchema,
  type PrescriptionItem,
} from '@shared/domain/consultation.schema';
import { type VitalsForm, vitalsInput, vitalsToForm } from '@renderer/screens/shared/vitals/vitals-form';

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

export function toForm(content: ConsultationContent): ConsultationForm {
  return {
    chiefComplaint: content.chiefComplaint,
    vitals: vitalsToForm(content.vitals),
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
export function toContentInput(form: ConsultationForm): z.input<typeof consultationContentSchema> {
  return {
    chiefComplaint: form.chiefComplaint,
    vitals: vitalsInput(form.vitals),
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
export function checkContent(form: ConsultationForm): ContentCheck {
  const parsed = consultationContentSchema.safeParse(toContentInput(form));
  if (parsed.success) return { ok: true, content: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      field: issue.path.join('.'),
      message:
        issue.code === 'invalid_type' && issue.path.includes('durationDays')
          ? 'must be a number of days'
          : issue.path.at(-1) === 'timing'
            ? 'choose when to take it'
            : issue.message,
    })),
  };
}
