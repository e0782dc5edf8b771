import { z } from 'zod';
import { idSchema, inDateOrder, instantSchema, isoDateSchema, text } from './common.schema';

export const waitlistStatusSchema = z.enum(['WAITING', 'OFFERED', 'BOOKED', 'EXPIRED', 'CANCELLED']);

/** What a patient (or receptionist) asks for: a doctor in a date range. */
const waitlistRequestShape = {
  id: idSchema,
  patientId: idSchema,
  doctorId: idSchema,
  fromDate: isoDateSchema,
  toDate: isoDateSchema,
  note: text(300).default(''),
};
export const waitlistRequestSchema = inDateOrder(z.strictObject(waitlistRequestShape));

/** A request on the list; a cancellation offers its slot, held for 30 minutes (docs/product.md §11). */
export const waitlistEntrySchema = inDateOrder(
  z.strictObject({
    ...waitlistRequestShape,
    status: waitlistStatusSchema,
    offer: z
      .strictObject({ startsAt: instantSchema, endsAt: instantSchema, expiresAt: instantSchema })
      .nullable(),
    createdAt: instantSchema,
  }),
);
export type WaitlistEntry = z.infer<typeof waitlistEntrySchema>;
