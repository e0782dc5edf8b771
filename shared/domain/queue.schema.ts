import { z } from 'zod';
import { idSchema, instantSchema, isoDateSchema, text } from './common.schema';

export const queuePrioritySchema = z.enum(['normal', 'urgent'], { error: 'must be normal or urgent' });
export const queueStateSchema = z.enum(['waiting', 'called', 'in_consultation', 'done', 'left']);
export type QueueState = z.infer<typeof queueStateSchema>;

/** A checked-in patient in one doctor's queue for one clinic day (docs/product.md §7). */
export const queueEntrySchema = z.strictObject({
  id: idSchema,
  appointmentId: idSchema,
  doctorId: idSchema,
  patientId: idSchema,
  clinicDate: isoDateSchema,
  /** e.g. K-012: the doctor's prefix and a number per doctor per day, assigned by the hub. */
  token: z.string().regex(/^[A-Z]{1,3}-\d{3,}$/),
  tokenNumber: z.number().int().min(1),
  checkedInAt: instantSchema,
  priority: queuePrioritySchema,
  /** Ordering key inside the queue; urgent entries sort first, then by this. */
  position: z.number().int(),
  state: queueStateSchema,
  calledAt: instantSchema.nullable(),
  consultationStartedAt: instantSchema.nullable(),
  finishedAt: instantSchema.nullable(),
  /** Initials only, for the waiting-room display (never full names there). */
  displayInitials: z.string().max(4),
});
export type QueueEntry = z.infer<typeof queueEntrySchema>;

export const queueMoveSchema = z.strictObject({
  id: idSchema,
  queueEntryId: idSchema,
  fromPosition: z.number().int(),
  toPosition: z.number().int(),
  priorityFrom: queuePrioritySchema,
  priorityTo: queuePrioritySchema,
  movedBy: idSchema,
  at: instantSchema,
  reason: text(300),
});
export type QueueMove = z.infer<typeof queueMoveSchema>;
