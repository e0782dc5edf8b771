import { z } from 'zod';
import { appointmentTypeSchema } from '@shared/domain/appointment.schema';
import { text } from '@shared/domain/common.schema';

/** A free slot picked on the Book screen. */
export const chosenSlotSchema = z.object({
  doctorId: z.string(),
  startsAt: z.string(),
  localTime: z.string(),
});
export type ChosenSlot = z.infer<typeof chosenSlotSchema>;

/**
 * What the Book screen holds (react-hook-form, checked by this schema on Confirm). Messages of
 * fields without an input of their own (the slot, the patient) name the field.
 */
export const bookingFormSchema = z
  .object({
    specialization: z.string(),
    doctorId: z.string(),
    /** yyyy-mm-dd of the slots shown. */
    date: z.string(),
    slot: chosenSlotSchema.nullable(),
    patientId: z.string().nullable(),
    type: appointmentTypeSchema,
    note: text(1000),
  })
  .superRefine((v, ctx) => {
    if (!v.slot) ctx.addIssue({ code: 'custom', path: ['slot'], message: 'Slot: choose a free slot' });
    if (!v.patientId) {
      ctx.addIssue({ code: 'custom', path: ['patientId'], message: 'Patient: find or register the patient' });
    }
  });
export type BookingValues = z.infer<typeof bookingFormSchema>;

/** The hub's field paths of `appointments.book` → the form's fields. */
export const BOOKING_FIELD_MAP = {
  doctorId: 'slot',
  startsAt: 'slot',
  patientId: 'patientId',
  type: 'type',
  note: 'note',
} as const;
export const BOOKING_FIELDS = ['slot', 'patientId', 'type', 'note'] as const;

/** A field error that shows away from its input names the field, as the schema's own messages do. */
export function namingField(label: string, message: string | undefined): string | null {
  if (!message) return null;
  return message.startsWith(`${label}:`) ? message : `${label}: ${message}`;
}
