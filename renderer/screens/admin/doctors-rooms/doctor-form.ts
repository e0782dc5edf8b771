import { z } from 'zod';
import { requiredText, text } from '@shared/domain/common.schema';
import { type Doctor, type DoctorDetails, doctorDetailsSchema } from '@shared/domain/doctor.schema';
import { buffersSchema, sessionMinutesSchema } from '@shared/domain/schedule.schema';

const shape = doctorDetailsSchema.shape;
const rupees = z
  .number({ error: 'must be an amount' })
  .min(0, { error: 'must be 0 or more' })
  .max(1_000_000, { error: 'must be at most 10,00,000' });

/** The doctor form: fees in major units (₹), buffers as an on/off override. */
export const doctorFormSchema = z.object({
  fullName: shape.fullName,
  specialization: requiredText(80),
  qualification: text(120),
  registrationNumber: requiredText(60),
  feeNewVisit: rupees,
  feeFollowUp: rupees,
  sessionMinutes: sessionMinutesSchema,
  overrideBuffers: z.boolean(),
  bufferBefore: buffersSchema.shape.before,
  bufferAfter: buffersSchema.shape.after,
  tokenPrefix: z.string().regex(/^[A-Z]{1,3}$/, { error: 'must be 1–3 capital letters' }),
  active: z.boolean(),
});
export type DoctorFormValues = z.infer<typeof doctorFormSchema>;

export const DOCTOR_FIELD_MAP = {
  'details.fullName': 'fullName',
  'details.specialization': 'specialization',
  'details.qualification': 'qualification',
  'details.registrationNumber': 'registrationNumber',
  'details.fees.newVisit': 'feeNewVisit',
  'details.fees.followUp': 'feeFollowUp',
  'details.sessionMinutes': 'sessionMinutes',
  'details.bufferOverride.before': 'bufferBefore',
  'details.bufferOverride.after': 'bufferAfter',
  'details.tokenPrefix': 'tokenPrefix',
} as const satisfies Record<string, keyof DoctorFormValues>;

export function toFormValues(
  doctor: Doctor | null,
  defaultBuffers: { before: number; after: number },
): DoctorFormValues {
  return {
    fullName: doctor?.fullName ?? '',
    specialization: doctor?.specialization ?? '',
    qualification: doctor?.qualification ?? '',
    registrationNumber: doctor?.registrationNumber ?? '',
    feeNewVisit: (doctor?.fees.newVisit ?? 50_000) / 100,
    feeFollowUp: (doctor?.fees.followUp ?? 30_000) / 100,
    sessionMinutes: doctor?.sessionMinutes ?? 15,
    overrideBuffers: doctor?.bufferOverride != null,
    bufferBefore: doctor?.bufferOverride?.before ?? defaultBuffers.before,
    bufferAfter: doctor?.bufferOverride?.after ?? defaultBuffers.after,
    tokenPrefix: doctor?.tokenPrefix ?? 'T',
    active: doctor?.active ?? true,
  };
}

export function toDetails(v: DoctorFormValues): DoctorDetails {
  return {
    fullName: v.fullName,
    specialization: v.specialization,
    qualification: v.qualification,
    registrationNumber: v.registrationNumber,
    fees: { newVisit: Math.round(v.feeNewVisit * 100), followUp: Math.round(v.feeFollowUp * 100) },
    sessionMinutes: v.sessionMinutes,
    bufferOverride: v.overrideBuffers ? { before: v.bufferBefore, after: v.bufferAfter } : null,
    tokenPrefix: v.tokenPrefix,
    active: v.active,
  };
}
