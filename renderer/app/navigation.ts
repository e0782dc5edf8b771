import type { Role } from '@shared/domain/common.schema';
import { adminScreens } from '@renderer/screens/admin/admin.screens';
import { doctorScreens } from '@renderer/screens/doctor/doctor.screens';
import { nurseScreens } from '@renderer/screens/nurse/nurse.screens';
import { receptionScreens } from '@renderer/screens/reception/reception.screens';
import type { ScreenDef } from './screens';

const screensByRole: Record<Role, ScreenDef[]> = {
  receptionist: receptionScreens,
  doctor: doctorScreens,
  admin: adminScreens,
  nurse: nurseScreens,
  patient: [],
};

/** A role's screens in navigation order; the first one is its home. */
export function screensFor(role: Role): ScreenDef[] {
  return screensByRole[role];
}

/** Where "/" or Ctrl+K takes someone whose current screen has no search box. */
export function searchScreenFor(role: Role): string {
  return role === 'receptionist' ? 'patients' : 'appointments';
}

export const ROLE_LABELS: Record<Role, string> = {
  receptionist: 'Reception',
  doctor: 'Doctor',
  admin: 'Admin',
  nurse: 'Nurse',
  patient: 'Patient',
};
