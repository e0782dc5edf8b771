import type { z } from 'zod';
import type { patientAppointmentSchema } from '@shared/gateway/appointments.schema';
import type { publicDoctorSchema } from '@shared/gateway/clinic.schema';
import type { patientBillViewSchema, patientConsultationSchema } from '@shared/gateway/records.schema';

/** The answers the records screens read, typed from the gateway's own schemas (types only). */
export type PatientConsultation = z.infer<typeof patientConsultationSchema>;
export type PatientBillView = z.infer<typeof patientBillViewSchema>;
export type PatientAppointment = z.infer<typeof patientAppointmentSchema>;
export type PublicDoctor = z.infer<typeof publicDoctorSchema>;
