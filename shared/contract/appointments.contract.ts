import { z } from 'zod';
import { idSchema, instantSchema, isoDateSchema, text, pageSchema } from '@shared/domain/common.schema';
import {
  appointmentModeSchema,
  appointmentSchema,
  appointmentStatusSchema,
  appointmentTypeSchema,
  rescheduleRecordSchema,
  rescheduleRequestSchema,
  statusTransitionSchema,
} from '@shared/domain/appointment.schema';
import { byIdSchema, documentSchema, pageOf, reasonSchema } from './common';
import { command, query } from './define';

const withReason = z.strictObject({ id: idSchema, reason: reasonSchema });

export const appointmentHistorySchema = z.strictObject({
  transitions: z.array(statusTransitionSchema),
  reschedules: z.array(rescheduleRecordSchema),
  requests: z.array(rescheduleRequestSchema),
  /**
   * What the doctor has begun on a checked-in visit ('draft': a record with text; or
   * 'consultation_started'); the front desk may then neither undo the check-in nor cancel.
   */
  doctorWork: z.enum(['draft', 'consultation_started']).nullable(),
});

/** The booking result: docs/product.md §4 "an appointment number and a printable slip". */
export const bookingSchema = z.strictObject({ appointment: appointmentSchema });

/** A patient's pending reschedule request with the appointment it would move (its current time). */
export const pendingRescheduleSchema = z.strictObject({
  request: rescheduleRequestSchema,
  appointment: appointmentSchema,
});

export const appointmentsContract = {
  'appointments.book': command(
    'Book a free slot (staff for any patient; a patient for themself). Exactly one of two racing ' +
      'bookings wins; the other gets SLOT_TAKEN with the next free slots. A staff override books ' +
      'outside the slot grid or beyond the booking horizon and must give a reason (audited).',
    z.strictObject({
      id: idSchema,
      patientId: idSchema,
      doctorId: idSchema,
      startsAt: instantSchema,
      type: appointmentTypeSchema.default('NEW_VISIT'),
      mode: appointmentModeSchema.default('IN_PERSON'),
      note: text(1000).default(''),
      overrideReason: reasonSchema.optional(),
    }),
    bookingSchema,
    'queue',
    // No number until the hub accepts it: a guess here would be another booking's number.
    { table: 'appointments', id: 'id', result: 'appointment', set: { provisional: true, number: null } },
  ),
  'appointments.confirm': command(
    'Confirm a REQUESTED booking (staff).',
    byIdSchema,
    appointmentSchema,
    'queue',
  ),
  'appointments.decline': command(
    'Doctor declines a REQUESTED booking: CANCELLED with a reason; the patient is told.',
    withReason,
    appointmentSchema,
    'queue',
  ),
  'appointments.cancel': command(
    'Cancel: a patient only while REQUESTED/CONFIRMED and before the cancellation window; staff any ' +
      'non-final appointment with a reason.',
    z.strictObject({ id: idSchema, reason: text(500).default('') }),
    appointmentSchema,
    'queue',
  ),
  'appointments.reschedule': command(
    'Move to a new time (and optionally doctor) atomically: the old slot released, the new one taken.',
    z.strictObject({
      id: idSchema,
      newStartsAt: instantSchema,
      doctorId: idSchema.optional(),
      reason: reasonSchema,
      overrideReason: reasonSchema.optional(),
    }),
    appointmentSchema,
    'queue',
  ),
  'appointments.requestReschedule': command(
    'A patient asks the clinic to move an appointment.',
    z.strictObject({
      id: idSchema,
      requestId: idSchema,
      preferredDate: isoDateSchema.nullable().default(null),
      preferredStartsAt: instantSchema.nullable().default(null),
      note: text(500).default(''),
    }),
    rescheduleRequestSchema,
    'online-only',
  ),
  'appointments.decideReschedule': command(
    'Staff approve (moving the appointment) or reject a patient’s reschedule request.',
    z.strictObject({
      requestId: idSchema,
      approve: z.boolean(),
      newStartsAt: instantSchema.optional(),
      reason: text(500).default(''),
    }),
    rescheduleRequestSchema,
    'online-only',
  ),
  'appointments.markNoShow': command(
    'Doctor or receptionist marks NO_SHOW, only after the start time.',
    z.strictObject({ id: idSchema, reason: text(500).default('') }),
    appointmentSchema,
    'queue',
  ),
  'appointments.complete': command(
    'COMPLETED: requires a finalized consultation; creates the bill.',
    byIdSchema,
    appointmentSchema,
    'queue',
  ),
  'appointments.undoTransition': command(
    'Undo a mistaken transition (e.g. NO_SHOW) on the same clinic day, recorded as its own event.',
    z.strictObject({ transitionId: idSchema, reason: reasonSchema }),
    appointmentSchema,
    'queue',
  ),
  'appointments.get': query('One appointment.', byIdSchema, appointmentSchema, 'replica'),
  'appointments.history': query(
    'Status transitions, reschedules and reschedule requests of an appointment.',
    byIdSchema,
    appointmentHistorySchema,
    'replica',
  ),
  'appointments.list': query(
    'Appointments filtered by status, date range, doctor and patient (staff).',
    z.strictObject({
      statuses: z.array(appointmentStatusSchema).max(6).optional(),
      fromDate: isoDateSchema.optional(),
      toDate: isoDateSchema.optional(),
      doctorId: idSchema.optional(),
      patientId: idSchema.optional(),
      ...pageSchema.shape,
    }),
    pageOf(appointmentSchema),
    'replica',
  ),
  'appointments.search': query(
    'Find appointments by number, id, or patient name (staff).',
    z.strictObject({
      text: text(120).pipe(z.string().min(1)),
      limit: z.number().int().min(1).max(100).default(20),
    }),
    z.array(appointmentSchema),
    'replica',
  ),
  'appointments.rescheduleRequests': query(
    'Patients’ reschedule requests waiting for the clinic’s answer, on upcoming appointments, soonest ' +
      'first: a doctor’s own; reception and admin every doctor’s (optionally one).',
    z.strictObject({ doctorId: idSchema.optional() }),
    z.array(pendingRescheduleSchema),
    'replica',
  ),
  'appointments.mine': query(
    'The signed-in patient’s upcoming and past appointments.',
    z.strictObject({ when: z.enum(['upcoming', 'past']).default('upcoming') }),
    z.array(appointmentSchema),
    'replica',
  ),
  'appointments.slip': query(
    'Printable appointment slip (with token once checked in), A4 or A5.',
    z.strictObject({ id: idSchema, paper: z.enum(['A4', 'A5']).default('A5') }),
    documentSchema,
    'online-only',
  ),
} as const;
