import type { ScreenDef } from '@renderer/app/screens';
import { ScreenPlaceholder } from '@renderer/components/ScreenPlaceholder';
import { appointmentsScreen } from '@renderer/screens/shared/appointments/appointments.screen';
import { schedulesScreen } from '@renderer/screens/shared/schedules/schedules.screen';

/** The admin's navigation, in order. */
export const adminScreens: ScreenDef[] = [
  { path: 'summary', label: 'Summary', element: <ScreenPlaceholder title="Summary" /> },
  { path: 'users', label: 'Users', element: <ScreenPlaceholder title="Users" /> },
  {
    path: 'doctors-rooms',
    label: 'Doctors & rooms',
    element: <ScreenPlaceholder title="Doctors and rooms" />,
  },
  schedulesScreen,
  { path: 'settings', label: 'Settings', element: <ScreenPlaceholder title="Clinic settings" /> },
  { path: 'audit', label: 'Audit log', element: <ScreenPlaceholder title="Audit log" /> },
  { path: 'devices', label: 'Devices', element: <ScreenPlaceholder title="Devices" /> },
  appointmentsScreen,
];
