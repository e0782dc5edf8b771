import { z } from 'zod';
import { idSchema, instantSchema, isoDateSchema, minutesSchema, roleSchema, text } from './common.schema';

export const appointmentStatuses = [
  'REQUESTED',
  'CONFIRMED',
  'CHECKED_IN',
  'COMPLETED',
  'CANCELLED',
  'NO_SHOW',
] as const;
export const appointmentStatusSchema = z.enum(appointmentStatuses, {
  error: `must be one of ${appointmentStatuses.join(', ')}`,
});
export type AppointmentStatus = z.infer<typeof appointmentStatusSchema>;

export const appointmentTypeSchema = z.enum(['NEW_VISIT', 'FOLLOW_UP'], {
  error: 'must be NEW_VISIT or FOLLOW_UP',
});
export type AppointmentType = z.infer<typeof appointmentTypeSchema>;
export const appointmentModeSchema = z.enum(['IN_PERSON', 'ONLINE'], {
  error: 'must be IN_PERSON or ONLINE',
});
export type AppointmentMode = z.infer<typeof appointmentModeSchema>;

export const bookingChannelSchema = z.enum(['staff', 'patient_app', 'walk_in']);

export const appointmentSchema = z.strictObject({
  id: idSchema,
  /** Human-readable number assigned by the hub, e.g. A-2026-000123; null while provisional. */
  number: z
    .string()
    .regex(/^A-\d{4}-\d{6,}$/)
    .nullable(),
  patientId: idSchema,
  doctorId: idSchema,
  roomId: idSchema.nullable(),
  startsAt: instantSchema,
  endsAt: instantSchema,
  /** The buffers in force when booked; they define the occupied interval. */
  bufferBeforeMinutes: minutesSchema,
  bufferAfterMinutes: minutesSchema,
  type: appointmentTypeSchema,
  mode: appointmentModeSchema,
  status: appointmentStatusSchema,
  meetingLink: z.url().nullable(),
  bookedVia: bookingChannelSchema,
  /** Created offline on a desktop and not yet accepted by the hub. */
  provisional: z.boolean(),
  /** Staff override of the slot rules, always with a reason (audited). */
  overrideReason: text(500).nullable(),
  note: text(1000).default(''),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type Appointment = z.infer<typeof appointmentSchema>;

/** Every status change: from, to, who, when, why, from which device (docs/product.md §5). */
export const statusTransitionSchema = z.strictObject({
  id: idSchema,
  appointmentId: idSchema,
  from: appointmentStatusSchema.nullable(),
  to: appointmentStatusSchema,
  actorUserId: idSchema,
  actorRole: roleSchema,
  deviceId: z.string().max(100),
  at: instantSchema,
  reason: text(500).nullable(),
  /** Set when this transition undoes an earlier mistaken one. */
  undoOf: idSchema.nullable(),
});
export type StatusTransition = z.infer<typeof statusTransitionSchema>;

/** Every move of an appointment keeps old and new times (docs/product.md §6). */
export const rescheduleRecordSchema = z.strictObject({
  id: idSchema,
  appointmentId: idSchema,
  oldStartsAt: instantSchema,
  oldEndsAt: instantSchema,
  oldDoctorId: idSchema,
  newStartsAt: instantSchema,
  newEndsAt: instantSchema,
  newDoctorId: idSchema,
  changedBy: idSchema,
  reason: text(500),
  at: instantSchema,
  deviceId: z.string().max(100),
});
export type RescheduleRecord = z.infer<typeof rescheduleRecordSchema>;

/** A patient's request to move an appointment, approved or rejected by the clinic. */
export const rescheduleRequestSchema = z.strictObject({
  id: idSchema,
  appointmentId: idSchema,
  preferredDate: isoDateSchema.nullable(),
  preferredStartsAt: instantSchema.nullable(),
  note: text(500),
  status: z.enum(['PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN']),
  createdAt: instantSchema,
  decidedBy: idSchema.nullable(),
  decidedAt: instantSchema.nullable(),
  decisionReason: text(500).nullable(),
});
export type RescheduleRequest = z.infer<typeof rescheduleRequestSchema>;
