import type { Role } from '@shared/domain/common.schema';

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  receptionist: 'Receptionist',
  doctor: 'Doctor',
  nurse: 'Nurse',
  patient: 'Patient',
};

export const ROLE_PALETTES: Record<Role, string> = {
  admin: 'purple',
  receptionist: 'blue',
  doctor: 'teal',
  nurse: 'cyan',
  patient: 'gray',
};

export const STAFF_ROLES = ['receptionist', 'doctor', 'nurse', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
