import { z } from 'zod';
import { idSchema, instantSchema, isoDateSchema } from '@shared/domain/common.schema';
import { queueStateSchema } from '@shared/domain/queue.schema';

/**
 * The signed-in patient's place in today's queue (docs/product.md §7): the answer of
 * GET /queue/me and the data of the live channel's `queue` event, the same shape in both.
 */
export const myQueueSchema = z
  .strictObject({
    /** Today, in the clinic's time zone. */
    clinicDate: isoDateSchema,
    position: z
      .strictObject({
        appointmentId: idSchema,
        doctorId: idSchema,
        /** The token on the waiting-room display, e.g. K-012. */
        token: z.string(),
        state: queueStateSchema,
        /** Patients the doctor sees before me (0 once called). */
        patientsAhead: z.number().int().min(0),
        /** What is left of the current consultation plus one average consultation per patient ahead. */
        estimatedWaitMinutes: z.number().int().min(0),
        estimatedCallAt: instantSchema,
        /**
         * The token the doctor is seeing or has just called (mine once I am called); null before
         * the doctor's first call of the day. Only the token: never whose it is.
         */
        nowServing: z.string().nullable(),
      })
      .nullable()
      .describe('null: not checked in today (check in at the front desk), or already seen'),
  })
  .describe('My place in today’s queue');
export type MyQueue = z.infer<typeof myQueueSchema>;
