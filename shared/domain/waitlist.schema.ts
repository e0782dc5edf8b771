import { z } from 'zod';
import { idSchema, instantSchema, isoDateSchema, text } from './common.schema';

export const waitlistStatusSchema = z.enum(['WAITING', 'OFFERED', 'BOOKED', 'EXPIRED', 'CANCELLED']);

/** A request for a doctor in a date range; a cancellation offers the slot, held for 30 minutes (SPEC §11). */
export const waitlistEntrySchema = z
  .strictObject({
    id: idSchema,
    patientId: idSchema,
    doctorId: idSchema,
    fromDate: isoDateSchema,
    toDate: isoDateSchema,
    note: text(300).default(''),
    status: waitlistStatusSchema,
    offer: z
      .strictObject({ startsAt: instantSchema, endsAt: instantSchema, expiresAt: instantSchema })
      .nullable(),
    createdAt: instantSchema,
  })
  .refine((entry) => entry.fromDate <= entry.toDate, {
    error: 'must not be before fromDate',
    path: ['toDate'],
  });
export type WaitlistEntry = z.infer<typeof waitlistEntrySchema>;
