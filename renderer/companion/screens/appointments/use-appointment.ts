import type { z } from 'zod';
import type { appointmentDetailSchema, PatientAppointment } from '@shared/gateway/appointments.schema';
import { useGet } from '@renderer/companion/api/queries';

export type AppointmentDetail = z.infer<typeof appointmentDetailSchema>;
export type { PatientAppointment };

/** One of the patient's appointments with its status history (GET /appointments/:id). */
export function useAppointment(id: string | undefined) {
  return useGet<AppointmentDetail>([`/appointments/${id}`], { enabled: id !== undefined });
}

export function useAppointments(when: 'upcoming' | 'past') {
  return useGet<PatientAppointment[]>(['/appointments', { when }]);
}
