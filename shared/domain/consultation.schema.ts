import { z } from 'zod';
import { BP_ORDER_PROBLEM, PLAUSIBLE, rangeProblem, type VitalKey } from '@shared/rules/vitals-ranges';
import { idSchema, instantSchema, isoDateSchema, requiredText, text } from './common.schema';

const number = (unit: string) => z.number({ error: `must be a number (${unit})` });

/** A reading as entered: a number (or null, not measured) within the plausible range. */
const reading = (key: VitalKey) =>
  number(PLAUSIBLE[key].unit)
    .superRefine((value, ctx) => {
      const message = rangeProblem(key, value);
      if (message) ctx.addIssue({ code: 'custom', message });
    })
    .nullable()
    .default(null);

/** Vitals as entered (temperature in °C): impossible readings are refused (shared/rules/vitals-ranges). */
export const vitalsSchema = z
  .strictObject({
    systolic: reading('systolic'),
    diastolic: reading('diastolic'),
    pulse: reading('pulse'),
    temperatureC: reading('temperatureC'),
    spo2: reading('spo2'),
    weightKg: reading('weightKg'),
  })
  .refine((v) => v.systolic === null || v.diastolic === null || v.systolic > v.diastolic, {
    error: BP_ORDER_PROBLEM,
    path: ['diastolic'],
  });

/** Vitals as recorded: read back as stored, including readings taken before the ranges were narrowed. */
export const recordedVitalsSchema = z.strictObject({
  systolic: z.number().nullable(),
  diastolic: z.number().nullable(),
  pulse: z.number().nullable(),
  temperatureC: z.number().nullable(),
  spo2: z.number().nullable(),
  weightKg: z.number().nullable(),
});
export type Vitals = z.infer<typeof vitalsSchema>;

export const medicineTimingSchema = z.enum(
  ['before_food', 'after_food', 'with_food', 'empty_stomach', 'bedtime', 'as_needed', 'any_time'],
  { error: 'must be before_food, after_food, with_food, empty_stomach, bedtime, as_needed or any_time' },
);

/** Morning-noon-night pattern such as 1-0-1, 1-1-1-1 or ½ doses as 0.5-0-0.5. */
export const dosePatternSchema = z
  .string()
  .regex(/^(\d+(\.5)?)(-(\d+(\.5)?)){2,3}$/, { error: 'must be a dose pattern like 1-0-1' });

export const prescriptionItemSchema = z.strictObject({
  medicine: requiredText(120),
  strength: text(60).default(''),
  dosePattern: dosePatternSchema,
  timing: medicineTimingSchema.default('after_food'),
  durationDays: z.number().int().min(1, { error: 'must be at least 1 day' }).max(3650),
  instructions: text(300).default(''),
});
export type PrescriptionItem = z.infer<typeof prescriptionItemSchema>;

export const testRequestSchema = z.strictObject({
  name: requiredText(120),
  notes: text(300).default(''),
});

export const diagnosisSchema = z.strictObject({
  text: text(500).default(''),
  /** Optional coded diagnosis, e.g. ICD-10 J06.9. */
  code: z
    .string()
    .regex(/^[A-Z0-9][A-Z0-9.-]{1,15}$/, { error: 'must be a code such as J06.9' })
    .nullable()
    .default(null),
});

/** What a doctor writes; everything here is consultation content (never shown to reception). */
export const consultationContentSchema = z.strictObject({
  chiefComplaint: text(1000).default(''),
  vitals: vitalsSchema.default({
    systolic: null,
    diastolic: null,
    pulse: null,
    temperatureC: null,
    spo2: null,
    weightKg: null,
  }),
  examinationNotes: text(4000).default(''),
  diagnosis: diagnosisSchema.default({ text: '', code: null }),
  /** Doctor-only: never in the patient's summary. */
  clinicalNotes: text(8000).default(''),
  advice: text(2000).default(''),
  prescription: z.array(prescriptionItemSchema).max(50).default([]),
  tests: z.array(testRequestSchema).max(50).default([]),
  followUpDate: isoDateSchema.nullable().default(null),
});
export type ConsultationContent = z.infer<typeof consultationContentSchema>;

export const consultationStatusSchema = z.enum(['draft', 'finalized']);

/**
 * Draft text that a save made on an older revision replaced (the same doctor on two desktops):
 * kept beside the draft until its author chooses what to keep.
 */
export const draftConflictSchema = z.strictObject({
  id: idSchema,
  content: consultationContentSchema,
  /** When this text was saved. */
  savedAt: instantSchema,
  /** When a save made on an older revision replaced it. */
  replacedAt: instantSchema,
});
export type DraftConflict = z.infer<typeof draftConflictSchema>;

/**
 * Where the time of a signature or an addendum comes from (it is medico-legal, docs/product.md §8):
 * 'hub': made on the hub, the hub's time; 'device': the author's desktop clock, corrected by the
 * offset the hub measured at that desktop's hello and within its bounds; 'flagged': the
 * desktop's clock could not be trusted (no offset measured, too far off, the time fell outside
 * its bounds so the nearest is kept, or it came long before its receipt with nothing the hub knew
 * to bound it), and the record says so.
 */
export const authorClockSchema = z.enum(['hub', 'device', 'flagged']);
export type AuthorClock = z.infer<typeof authorClockSchema>;

export const consultationSchema = z.strictObject({
  ...consultationContentSchema.shape,
  vitals: recordedVitalsSchema,
  id: idSchema,
  appointmentId: idSchema,
  patientId: idSchema,
  doctorId: idSchema,
  status: consultationStatusSchema,
  signedBy: idSchema.nullable(),
  /** When the author signed (see authorClockSchema); null while a draft. */
  signedAt: instantSchema.nullable(),
  /** When the signature reached the hub (null while a draft, and for records signed before this was kept). */
  signatureReceivedAt: instantSchema.nullable().default(null),
  signatureClock: authorClockSchema.nullable().default(null),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  /** The revision of the doctor's draft text (null before the first save): a save names the one it was made on. */
  draftRevision: idSchema.nullable(),
  /** Texts replaced by saves made on older revisions, until the doctor chooses (none once signed). */
  draftConflicts: z.array(draftConflictSchema),
});
export type Consultation = z.infer<typeof consultationSchema>;

/** A correction after signing: the signed record itself never changes. */
export const addendumSchema = z.strictObject({
  id: idSchema,
  consultationId: idSchema,
  authorUserId: idSchema,
  /** When the author wrote it (see authorClockSchema). */
  at: instantSchema,
  text: requiredText(4000),
  /** When it reached the hub (null for addenda added before this was kept). */
  receivedAt: instantSchema.nullable().default(null),
  clock: authorClockSchema.nullable().default(null),
});
export type Addendum = z.infer<typeof addendumSchema>;

/** The read-only part a patient sees (docs/product.md §8): no clinical notes, no examination notes. */
export const consultationSummarySchema = z.strictObject({
  id: idSchema,
  appointmentId: idSchema,
  doctorId: idSchema,
  signedAt: instantSchema.nullable(),
  diagnosis: diagnosisSchema,
  advice: z.string(),
  prescription: z.array(prescriptionItemSchema),
  tests: z.array(testRequestSchema),
  followUpDate: isoDateSchema.nullable(),
});
export type ConsultationSummary = z.infer<typeof consultationSummarySchema>;
