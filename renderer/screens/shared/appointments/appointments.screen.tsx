import type { ScreenDef } from '@renderer/app/screens';
import { AppointmentListScreen } from './AppointmentListScreen';

/** The appointment list, in every staff role's navigation. */
export const appointmentsScreen: ScreenDef = {
  path: 'appointments',
  label: 'Appointments',
  element: <AppointmentListScreen />,
};
