import { z } from 'zod';
import type { DaySlots } from '@shared/contract/clinic.contract';
import type { ResultOf } from '@shared/contract/index';
import {
  appointmentSchema,
  rescheduleRecordSchema,
  rescheduleRequestSchema,
  statusTransitionSchema,
  type Appointment,
} from '@shared/domain/appointment.schema';
import { idSchema, instantSchema, isoDateSchema, text } from '@shared/domain/common.schema';

/**
 * An appointment as its patient sees it in the app: when, with whom, its number and status.
 * Left out: the staff override reason, the buffers and room the slot engine keeps, the
 * provisional flag (the hub's answers are never provisional), and a note staff wrote (a note is
 * shown only on a booking the patient made in the app, their own words).
 */
export const patientAppointmentSchema = appointmentSchema
  .pick({
    id: true,
    number: true,
    doctorId: true,
    startsAt: true,
    endsAt: true,
    type: true,
    mode: true,
    status: true,
    meetingLink: true,
    bookedVia: true,
    createdAt: true,
    updatedAt: true,
  })
  .extend({ note: z.string() });
export type PatientAppointment = z.infer<typeof patientAppointmentSchema>;

const by = z.enum(['you', 'clinic']).describe('who made the change: the patient in the app, or the clinic');

/**
 * A status change without who at the clinic made it or on which device; its reason only where the
 * patient is meant to read it: a cancellation or decline (docs/product.md §5 "the patient is told")
 * and the patient's own changes. Other reasons (an override, an undo) are the staff's.
 */
export const patientTransitionSchema = statusTransitionSchema
  .pick({ from: true, to: true, at: true, reason: true })
  .extend({ by });

export const patientRescheduleSchema = rescheduleRecordSchema
  .pick({
    oldStartsAt: true,
    newStartsAt: true,
    oldDoctorId: true,
    newDoctorId: true,
    at: true,
    reason: true,
  })
  .extend({ by });

/** The patient's reschedule request and the clinic's answer, without which staff member decided. */
export const patientRescheduleRequestSchema = rescheduleRequestSchema.omit({
  appointmentId: true,
  decidedBy: true,
});

export const appointmentDetailSchema = z.strictObject({
  appointment: patientAppointmentSchema,
  history: z.strictObject({
    transitions: z.array(patientTransitionSchema),
    reschedules: z.array(patientRescheduleSchema),
    requests: z.array(patientRescheduleRequestSchema),
  }),
});

/** The bookable times of a doctor on a clinic day (no rooms: where to go is on the slip). */
export const patientDaySlotsSchema = z.strictObject({
  doctorId: idSchema,
  date: isoDateSchema,
  available: z.boolean(),
  message: z.string().nullable(),
  slots: z.array(z.strictObject({ start: instantSchema, end: instantSchema, localTime: z.string() })),
});

export const slotsQuerySchema = z.strictObject({ doctorId: idSchema, date: isoDateSchema });

/** The booking body: never a patient id (the session's patient books) nor an override. */
export const bookBodySchema = z.strictObject({
  /**
   * A retry key, so a retry cannot book twice (409 CONFLICT): the booking's id is derived from
   * it and the patient (retry-key.ts), so the answer's id differs from it. Default: a new one.
   */
  id: idSchema.optional(),
  doctorId: idSchema,
  startsAt: instantSchema,
  type: appointmentSchema.shape.type.default('NEW_VISIT'),
  mode: appointmentSchema.shape.mode.default('IN_PERSON'),
  note: text(1000).default(''),
});

export const idParamsSchema = z.strictObject({ id: idSchema });
export const whenQuerySchema = z.strictObject({ when: z.enum(['upcoming', 'past']).default('upcoming') });
export const cancelBodySchema = z.strictObject({ reason: text(500).default('') });

export const MOVED_IN_APP = 'Moved by the patient in the app';
export const rescheduleBodySchema = z.strictObject({
  newStartsAt: instantSchema,
  /** Another doctor (of the patient's choosing) at the new time; default: the same doctor. */
  doctorId: idSchema.optional(),
  reason: text(500).default(''),
});
export const rescheduleRequestBodySchema = z.strictObject({
  /**
   * A retry key, so a retry cannot send it twice (409 CONFLICT): the request's id is derived
   * from it and the patient (retry-key.ts). Default: a new one.
   */
  requestId: idSchema.optional(),
  preferredDate: isoDateSchema.nullable().default(null),
  preferredStartsAt: instantSchema.nullable().default(null),
  note: text(500).default(''),
});
export const slipQuerySchema = z.strictObject({ paper: z.enum(['A4', 'A5']).default('A5') });

export function toPatientAppointment(appointment: Appointment): PatientAppointment {
  return {
    id: appointment.id,
    number: appointment.number,
    doctorId: appointment.doctorId,
    startsAt: appointment.startsAt,
    endsAt: appointment.endsAt,
    type: appointment.type,
    mode: appointment.mode,
    status: appointment.status,
    meetingLink: appointment.meetingLink,
    bookedVia: appointment.bookedVia,
    note: appointment.bookedVia === 'patient_app' ? appointment.note : '',
    createdAt: appointment.createdAt,
    updatedAt: appointment.updatedAt,
  };
}

/** `patientUserId`: the signed-in patient's account, to tell their own changes from the clinic's. */
export function toPatientHistory(
  history: ResultOf<'appointments.history'>,
  patientUserId: string,
): z.infer<typeof appointmentDetailSchema>['history'] {
  return {
    transitions: history.transitions.map((t) => {
      const mine = t.actorRole === 'patient';
      return {
        from: t.from,
        to: t.to,
        at: t.at,
        reason: mine || t.to === 'CANCELLED' ? t.reason : null,
        by: mine ? 'you' : 'clinic',
      };
    }),
    reschedules: history.reschedules.map((r) => ({
      oldStartsAt: r.oldStartsAt,
      newStartsAt: r.newStartsAt,
      oldDoctorId: r.oldDoctorId,
      newDoctorId: r.newDoctorId,
      at: r.at,
      reason: r.reason,
      by: r.changedBy === patientUserId ? 'you' : 'clinic',
    })),
    requests: history.requests.map(({ appointmentId: _a, decidedBy: _d, ...request }) => request),
  };
}

export function toPatientDay(day: DaySlots): z.infer<typeof patientDaySlotsSchema> {
  return {
    doctorId: day.doctorId,
    date: day.date,
    available: day.available,
    message: day.message,
    slots: day.slots.map(({ start, end, localTime }) => ({ start, end, localTime })),
  };
}
