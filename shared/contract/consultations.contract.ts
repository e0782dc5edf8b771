import { z } from 'zod';
import { idSchema, instantSchema } from '@shared/domain/common.schema';
import {
  addendumSchema,
  consultationContentSchema,
  consultationSchema,
  consultationSummarySchema,
  recordedVitalsSchema,
  vitalsSchema,
} from '@shared/domain/consultation.schema';
import { byIdSchema, documentSchema } from './common';
import { command, query } from './define';

export const allergyWarningSchema = z.strictObject({
  medicine: z.string(),
  allergy: z.string(),
  itemIndex: z.number().int().min(0),
  /** Why it matches, in words ("Brufen contains ibuprofen", "Diclofenac is one of the NSAIDs"). */
  reason: z.string().default(''),
});

export const consultationViewSchema = z.strictObject({
  consultation: consultationSchema,
  addenda: z.array(addendumSchema),
  /** Prescribed medicines matching a recorded allergy (docs/product.md §8). */
  allergyWarnings: z.array(allergyWarningSchema),
});

/**
 * The recorded readings a vitals save was edited from (shared/rules/vitals-merge.ts): a reading
 * sent equal to its base is "unchanged" and the record keeps what it holds now; one that differs
 * is written, null meaning cleared / not measured. Null (saves queued before this existed): a
 * nurse's save replaces every reading; a draft with no readings keeps them, any other replaces them.
 */
const vitalsBase = recordedVitalsSchema.nullable().default(null);

export const consultationsContract = {
  'consultations.get': query(
    'The consultation record of an appointment (doctor; read is audited).',
    z.strictObject({ appointmentId: idSchema }),
    consultationViewSchema.nullable(),
    'replica',
  ),
  'consultations.saveDraft': command(
    'Create or update the draft record of an appointment (the treating doctor only). A save made on an older revision than the record’s keeps the replaced text as a conflict for the doctor to resolve.',
    z.strictObject({
      id: idSchema,
      appointmentId: idSchema,
      content: consultationContentSchema,
      /** The draft revision this text was written on (null: no draft seen yet). */
      baseRevision: idSchema.nullable().default(null),
      /** Conflicting versions the doctor has seen and chosen against with this save. */
      resolvedConflicts: z.array(idSchema).max(50).default([]),
      vitalsBase,
    }),
    consultationViewSchema,
    'queue',
  ),
  'consultations.recordVitals': command(
    'A nurse (or doctor) records vitals for a checked-in patient, merged per reading with what the record holds (see `vitalsBase`).',
    z.strictObject({ id: idSchema, appointmentId: idSchema, vitals: vitalsSchema, vitalsBase }),
    z.strictObject({ consultationId: idSchema, vitals: recordedVitalsSchema }),
    'queue',
  ),
  'consultations.vitals': query(
    'The vitals recorded for these appointments (audited read). A nurse sees only checked-in patients’ vitals, a doctor any.',
    z.strictObject({ appointmentIds: z.array(idSchema).min(1).max(200) }),
    z.array(
      z.strictObject({
        appointmentId: idSchema,
        consultationId: idSchema,
        vitals: recordedVitalsSchema,
        /** When the record last changed (the vitals, or the doctor's draft). */
        updatedAt: instantSchema,
      }),
    ),
    'replica',
  ),
  'consultations.finalize': command(
    'Sign the record (doctor, time); afterwards it is append-only. "Prescription ready" is sent.',
    byIdSchema,
    consultationViewSchema,
    'queue',
  ),
  'consultations.addAddendum': command(
    'A correction after signing, with author and time; nothing is deleted.',
    z.strictObject({ id: idSchema, consultationId: idSchema, text: addendumSchema.shape.text }),
    addendumSchema,
    'queue',
  ),
  'consultations.patientHistory': query(
    'A patient’s previous consultations and prescriptions, newest first (doctor; audited).',
    z.strictObject({ patientId: idSchema, limit: z.number().int().min(1).max(100).default(20) }),
    z.array(consultationViewSchema),
    'replica',
  ),
  'consultations.mySummaries': query(
    'The signed-in patient’s consultation summaries (never clinical notes).',
    z.strictObject({}),
    z.array(consultationSummarySchema),
    'replica',
  ),
  'consultations.prescriptionPdf': query(
    'Prescription PDF with the clinic header, A4 or A5.',
    z.strictObject({ id: idSchema, paper: z.enum(['A4', 'A5']).default('A4') }),
    documentSchema,
    'online-only',
  ),
} as const;
