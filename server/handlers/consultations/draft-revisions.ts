import { failure } from '@shared/contract/errors';
import type { Consultation, ConsultationContent, DraftConflict } from '@shared/domain/consultation.schema';
import type { HandlerContext } from '@server/core/handler';

/** What a draft save carries besides its text (docs/architecture.md, "Draft conflicts"). */
export interface DraftSave {
  baseRevision: string | null;
  resolvedConflicts: readonly string[];
}

export interface DraftState {
  draftRevision: string;
  draftConflicts: DraftConflict[];
  /** The save was made on an older revision and replaced text the author had not seen. */
  conflicted: boolean;
}

/** The doctor's text of a record: everything but the vitals (which the nurse may write too). */
function textOf(content: ConsultationContent): string {
  const { vitals: _vitals, ...text } = content;
  return JSON.stringify(text);
}

function contentOf(c: Consultation): ConsultationContent {
  return {
    chiefComplaint: c.chiefComplaint,
    vitals: c.vitals,
    examinationNotes: c.examinationNotes,
    diagnosis: c.diagnosis,
    clinicalNotes: c.clinicalNotes,
    advice: c.advice,
    prescription: c.prescription,
    tests: c.tests,
    followUpDate: c.followUpDate,
  };
}

const EMPTY_TEXT = textOf({
  chiefComplaint: '',
  vitals: { systolic: null, diastolic: null, pulse: null, temperatureC: null, spo2: null, weightKg: null },
  examinationNotes: '',
  diagnosis: { text: '', code: null },
  clinicalNotes: '',
  advice: '',
  prescription: [],
  tests: [],
  followUpDate: null,
});

/** Whether the doctor has written anything in the record (vitals alone do not count). */
export function hasDoctorText(c: Consultation): boolean {
  return textOf(contentOf(c)) !== EMPTY_TEXT;
}

/**
 * The revision and conflicts after a save. A save names the revision it was written on; when the
 * record has moved on since (another desktop's save reached the hub first), the save still becomes
 * the draft — its author is the one writing now — and the text it replaces is kept as a conflict,
 * unless it says the same. Versions the author resolved with this save go; so does any version
 * whose text the new draft now holds word for word. Nothing else is ever dropped.
 */
export function nextDraftState(
  ctx: HandlerContext,
  existing: Consultation | null,
  save: DraftSave,
  content: ConsultationContent,
): DraftState {
  const revision = ctx.newId();
  if (!existing) return { draftRevision: revision, draftConflicts: [], conflicted: false };
  const saved = textOf(content);
  const replaced = textOf(contentOf(existing));
  const conflicted =
    existing.draftRevision !== save.baseRevision && replaced !== saved && replaced !== EMPTY_TEXT;
  const conflicts = existing.draftConflicts.filter((c) => !save.resolvedConflicts.includes(c.id));
  if (conflicted) {
    conflicts.push({
      id: ctx.newId(),
      content: contentOf(existing),
      savedAt: existing.updatedAt,
      replacedAt: ctx.now,
    });
  }
  return {
    draftRevision: revision,
    draftConflicts: conflicts.filter((c) => textOf(c.content) !== saved),
    conflicted,
  };
}

/** Signing waits until the author has chosen between the versions of the draft. */
export function assertNoDraftConflicts(consultation: Consultation): void {
  if (consultation.draftConflicts.length === 0) return;
  throw failure(
    'POLICY',
    'Another version of this draft, saved on another desktop, is waiting: choose what to keep before signing.',
  );
}
