import { isoDateSchema } from '@shared/domain/common.schema';
import { doctorSchema } from '@shared/domain/doctor.schema';
import { clinicSettingsSchema } from '@shared/domain/settings.schema';

/**
 * What the app shows of the clinic: its contact details and the booking policies a patient
 * meets; never the staff settings (leave rules, templates, buffers).
 */
export const clinicInfoSchema = clinicSettingsSchema.pick({
  clinicName: true,
  address: true,
  phone: true,
  email: true,
  timeZone: true,
  currency: true,
  locale: true,
  bookingNeedsConfirmation: true,
  cancellationWindowMinutes: true,
  minBookingNoticeMinutes: true,
  bookingHorizonDays: true,
  patientDirectReschedule: true,
});

/** A doctor as a patient sees them: no account link, registration or queue details. */
export const publicDoctorSchema = doctorSchema
  .pick({
    id: true,
    fullName: true,
    specialization: true,
    qualification: true,
    fees: true,
    sessionMinutes: true,
  })
  .extend({
    /** The clinic day of the doctor's next free slot from now; null: none bookable. */
    nextFreeDay: isoDateSchema.nullable(),
  });
