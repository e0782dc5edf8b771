import { z } from 'zod';
import { idSchema, nonNegativeMinorUnitsSchema, personNameSchema, requiredText, text } from './common.schema';
import { buffersSchema, roomNameSchema, sessionMinutesSchema } from './schedule.schema';

export const doctorDetailsSchema = z.strictObject({
  fullName: personNameSchema,
  specialization: requiredText(80),
  qualification: text(120).default(''),
  registrationNumber: requiredText(60),
  fees: z.strictObject({
    newVisit: nonNegativeMinorUnitsSchema,
    followUp: nonNegativeMinorUnitsSchema,
  }),
  sessionMinutes: sessionMinutesSchema.default(15),
  /** Null: the clinic's default buffers apply. */
  bufferOverride: buffersSchema.nullable().default(null),
  /** Letters before each token number, e.g. K for K-012. */
  tokenPrefix: z
    .string()
    .regex(/^[A-Z]{1,3}$/, { error: 'must be 1–3 capital letters' })
    .default('T'),
  active: z.boolean().default(true),
});
export type DoctorDetails = z.infer<typeof doctorDetailsSchema>;

export const doctorSchema = z.strictObject({
  ...doctorDetailsSchema.shape,
  id: idSchema,
  /** The doctor's own sign-in account, when it exists. */
  userId: idSchema.nullable(),
});
export type Doctor = z.infer<typeof doctorSchema>;

export const roomStatusSchema = z.enum(['available', 'out_of_service'], {
  error: 'must be available or out_of_service',
});

export const roomDetailsSchema = z.strictObject({
  name: roomNameSchema,
  type: z
    .enum(['consultation', 'procedure', 'telemedicine', 'other'], {
      error: 'must be consultation, procedure, telemedicine or other',
    })
    .default('consultation'),
  status: roomStatusSchema.default('available'),
});

export const roomSchema = z.strictObject({ ...roomDetailsSchema.shape, id: idSchema });
export type Room = z.infer<typeof roomSchema>;
