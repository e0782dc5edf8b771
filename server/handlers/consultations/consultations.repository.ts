import { type Selectable, sql } from 'kysely';
import type { ResultOf } from '@shared/contract/index';
import { failure } from '@shared/contract/errors';
import { notFound } from '@shared/contract/not-found';
import type { Addendum, Consultation, ConsultationContent, Vitals } from '@shared/domain/consultation.schema';
import type { HandlerContext } from '@server/core/handler';
import type { ConsultationTable } from '@server/db/care-tables';
import { decode, encode, encodeRow } from '@server/db/codecs';
import type { Db } from '@server/db/database';
import { getPatient } from '@server/repositories/lookups.repository';
import { allergyWarnings } from './allergy-warnings';

export type ConsultationView = NonNullable<ResultOf<'consultations.get'>>;

export const hasVitals = (vitals: Vitals) => Object.values(vitals).some((value) => value !== null);

export function consultationFromRow(row: Selectable<ConsultationTable>): Consultation {
  return decode<Consultation>('consultations', row);
}

export function findConsultation(db: Db, id: string): Consultation | null {
  const row = db.first(db.q.selectFrom('consultations').selectAll().where('id', '=', id));
  return row ? consultationFromRow(row) : null;
}

export function getConsultation(db: Db, id: string): Consultation {
  const consultation = findConsultation(db, id);
  if (!consultation) throw notFound('consultation');
  return consultation;
}

export function consultationOfAppointment(db: Db, appointmentId: string): Consultation | null {
  const row = db.first(
    db.q.selectFrom('consultations').selectAll().where('appointmentId', '=', appointmentId),
  );
  return row ? consultationFromRow(row) : null;
}

export function addendaOf(db: Db, consultationId: string): Addendum[] {
  return db.all(
    db.q
      .selectFrom('addenda')
      .selectAll()
      .where('consultationId', '=', consultationId)
      .orderBy('at')
      .orderBy(sql`rowid`),
  );
}

/** The record with its addenda and the allergy warnings for the patient's recorded allergies. */
export function consultationView(db: Db, consultation: Consultation, allergies?: readonly string[]) {
  const known = allergies ?? getPatient(db, consultation.patientId).allergies;
  return {
    consultation,
    addenda: addendaOf(db, consultation.id),
    allergyWarnings: allergyWarnings(db, consultation.prescription, known),
  } satisfies ConsultationView;
}

/** A draft's revision and the conflicting versions kept beside it (draft-revisions.ts). */
export type DraftColumns = Pick<Consultation, 'draftRevision' | 'draftConflicts'>;

/** Writes the content columns of a draft (the signed-record trigger refuses finalized ones). */
export function writeContent(
  ctx: HandlerContext,
  id: string,
  content: Partial<ConsultationContent & DraftColumns>,
): void {
  ctx.db.run(
    ctx.db.q
      .updateTable('consultations')
      .set({ ...(encode('consultations', content) as Partial<ConsultationTable>), updatedAt: ctx.now })
      .where('id', '=', id),
  );
  ctx.changed('consultations', id);
}

/** Inserts a new draft for an appointment. */
export function insertDraft(
  ctx: HandlerContext,
  ids: { id: string; appointmentId: string; patientId: string; doctorId: string },
  content: ConsultationContent,
  draft: DraftColumns = { draftRevision: null, draftConflicts: [] },
): void {
  if (findConsultation(ctx.db, ids.id)) {
    throw failure('CONFLICT', 'This consultation id belongs to another appointment’s record.');
  }
  const consultation: Consultation = {
    ...content,
    ...ids,
    status: 'draft',
    signedBy: null,
    signedAt: null,
    signatureReceivedAt: null,
    signatureClock: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    ...draft,
  };
  ctx.db.run(ctx.db.q.insertInto('consultations').values(encodeRow('consultations', consultation)));
  ctx.changed('consultations', ids.id);
}

/** Audit entry for consultation content: who, which patient, never the clinical text itself. */
export function auditConsultation(
  ctx: HandlerContext,
  kind: 'change' | 'read',
  action: string,
  target: { id: string | null; patientId: string },
  details: Record<string, unknown> = {},
  readVersion?: string,
): void {
  ctx.audit({
    kind,
    action,
    entity: 'consultations',
    entityId: target.id,
    patientId: target.patientId,
    details,
    ...(readVersion === undefined ? {} : { readVersion }),
  });
}

/** The checked-in requirement for writing a record (docs/product.md §8: the patient is being seen). */
export function assertCheckedIn(status: string, what: string): void {
  if (status === 'CHECKED_IN') return;
  throw failure(
    'POLICY',
    `${what} can be written only while the patient is checked in; this appointment is ${status
      .toLowerCase()
      .replace('_', ' ')}.`,
  );
}

export function assertNotSigned(consultation: Consultation | null): void {
  if (consultation?.status === 'finalized') {
    throw failure('POLICY', 'This consultation is signed and can no longer be changed; add an addendum.');
  }
}
