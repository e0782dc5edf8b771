import type { ConsultationContent } from '@shared/domain/consultation.schema';
import { TIMING_LABELS } from './consultation-form';

/** The doctor's text of a draft as labelled lines (vitals left out: they are the nurse's too). */
export function draftRows(content: ConsultationContent): { label: string; value: string }[] {
  const rows: [string, string][] = [
    ['Chief complaint', content.chiefComplaint],
    ['Examination', content.examinationNotes],
    [
      'Diagnosis',
      content.diagnosis.text
        ? `${content.diagnosis.text}${content.diagnosis.code ? ` (${content.diagnosis.code})` : ''}`
        : (content.diagnosis.code ?? ''),
    ],
    [
      'Prescription',
      content.prescription
        .map(
          (p) =>
            `${[p.medicine, p.strength].filter(Boolean).join(' ')} ${p.dosePattern}, ${TIMING_LABELS[p.timing].toLowerCase()}, ${p.durationDays} days${p.instructions ? ` (${p.instructions})` : ''}`,
        )
        .join('\n'),
    ],
    ['Tests', content.tests.map((t) => (t.notes ? `${t.name} (${t.notes})` : t.name)).join(', ')],
    ['Follow-up', content.followUpDate ?? ''],
    ['Advice', content.advice],
    ['Clinical notes', content.clinicalNotes],
  ];
  return rows.filter(([, value]) => value.trim() !== '').map(([label, value]) => ({ label, value }));
}

/** The same as plain text, e.g. to carry a refused draft into an addendum. */
export function draftAsText(content: ConsultationContent): string {
  return draftRows(content)
    .map((row) => `${row.label}: ${row.value}`)
    .join('\n');
}
