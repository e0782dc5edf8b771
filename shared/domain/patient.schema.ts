import { z } from 'zod';
import {
  emailSchema,
  idSchema,
  instantSchema,
  isoDateSchema,
  personNameSchema,
  phoneSchema,
  requiredText,
  text,
} from './common.schema';
import { messageLanguageSchema, optOutChannelSchema } from './notification.schema';

/** Hub-assigned code, never reused. */
export const patientCodeSchema = z.string().regex(/^PAT\d{6,}$/, { error: 'must be a code like PAT000123' });
/**
 * Assigned on a desktop while the hub is unreachable; the hub replaces it on sync, both stay
 * searchable. Two desktops can make the same one: the hub keeps the later one as TMP-7F3A-0001-2.
 */
export const provisionalPatientCodeSchema = z
  .string()
  .regex(/^TMP-[A-Z0-9]{4}-\d{4,}(-\d+)?$/, { error: 'must be a provisional code like TMP-7F3A-0001' });

export const sexSchema = z.enum(['female', 'male', 'other', 'unknown'], {
  error: 'must be female, male, other or unknown',
});
export const bloodGroupSchema = z.enum(['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-'], {
  error: 'must be a blood group such as O+',
});

export const insuranceSchema = z.strictObject({
  provider: requiredText(120),
  policyNumber: requiredText(60),
  validUntil: isoDateSchema.nullable().default(null),
});

export const emergencyContactSchema = z.strictObject({
  name: personNameSchema,
  relationship: text(60).default(''),
  phone: phoneSchema,
});

const conditionList = z.array(requiredText(120)).max(50).default([]);

/** The demographics staff (or the patient) can type. */
export const patientDetailsSchema = z.strictObject({
  fullName: personNameSchema,
  dateOfBirth: isoDateSchema.nullable().default(null),
  /** Worked out from an age ("about 58"), not given: shown as estimated, never as a real date. */
  dateOfBirthEstimated: z.boolean().default(false),
  sex: sexSchema.default('unknown'),
  phone: phoneSchema.nullable().default(null),
  email: emailSchema.nullable().default(null),
  address: text(500).default(''),
  bloodGroup: bloodGroupSchema.nullable().default(null),
  /** Empty means "none known" only when allergiesRecorded; otherwise allergies were never asked. */
  allergies: conditionList,
  /** Someone recorded the allergies ("none known" or a list); until then they are "not recorded". */
  allergiesRecorded: z.boolean().default(false),
  chronicConditions: conditionList,
  insurance: insuranceSchema.nullable().default(null),
  emergencyContact: emergencyContactSchema.nullable().default(null),
  /** The language of the messages the clinic sends them. */
  preferredLanguage: messageLanguageSchema.default('en'),
  /** Channels they asked not to be messaged on; the others still are. */
  messageOptOuts: z
    .array(optOutChannelSchema)
    .max(2)
    .refine((channels) => new Set(channels).size === channels.length, { error: 'must not repeat a channel' })
    .default([]),
  /** Receipts and prescriptions go with their e-mail as a PDF (otherwise: "see the app"). */
  emailAttachments: z.boolean().default(false),
});
export type PatientDetails = z.infer<typeof patientDetailsSchema>;

export const patientSchema = z.strictObject({
  ...patientDetailsSchema.shape,
  id: idSchema,
  code: z.union([patientCodeSchema, provisionalPatientCodeSchema]),
  provisionalCode: provisionalPatientCodeSchema.nullable(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type Patient = z.infer<typeof patientSchema>;
