import { z } from 'zod';
import { idSchema, isoDateSchema } from '@shared/domain/common.schema';
import { waitlistStatusSchema } from '@shared/domain/waitlist.schema';

/** A waiting-list entry as its patient sees it (the offer, once the waiting list makes them). */
export const patientWaitlistEntrySchema = z.object({
  id: idSchema,
  doctorId: idSchema,
  fromDate: isoDateSchema,
  toDate: isoDateSchema,
  note: z.string(),
  status: waitlistStatusSchema,
  offer: z.object({ startsAt: z.string(), endsAt: z.string(), expiresAt: z.string() }).nullable(),
  createdAt: z.string(),
});
