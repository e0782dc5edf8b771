import type { AppointmentStatus } from '@shared/domain/appointment.schema';
import { appointmentStatuses } from '@shared/domain/appointment.schema';

export const STATUS_LABELS: Record<AppointmentStatus, string> = {
  REQUESTED: 'Requested',
  CONFIRMED: 'Confirmed',
  CHECKED_IN: 'Checked in',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
  NO_SHOW: 'No-show',
};

export const STATUS_PALETTES: Record<AppointmentStatus, string> = {
  REQUESTED: 'orange',
  CONFIRMED: 'blue',
  CHECKED_IN: 'purple',
  COMPLETED: 'green',
  CANCELLED: 'gray',
  NO_SHOW: 'red',
};

export const STATUS_OPTIONS = appointmentStatuses.map((status) => ({
  value: status,
  label: STATUS_LABELS[status],
}));

export const TYPE_LABELS = { NEW_VISIT: 'New visit', FOLLOW_UP: 'Follow-up' } as const;
export const MODE_LABELS = { IN_PERSON: 'In person', ONLINE: 'Online' } as const;
export const CHANNEL_LABELS = { staff: 'Reception', patient_app: 'Patient app', walk_in: 'Walk-in' } as const;

export function isAppointmentStatus(value: string | null): value is AppointmentStatus {
  return value !== null && (appointmentStatuses as readonly string[]).includes(value);
}
