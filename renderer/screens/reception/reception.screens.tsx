import type { ScreenDef } from '@renderer/app/screens';
import { ScreenPlaceholder } from '@renderer/components/ScreenPlaceholder';
import { appointmentsScreen } from '@renderer/screens/shared/appointments/appointments.screen';

/** The schedules screen: reception and admin both manage doctors' schedules (SPEC §1, §3). */
export const schedulesScreen: ScreenDef = {
  path: 'schedules',
  label: 'Schedules',
  element: (
    <ScreenPlaceholder title="Schedules" description="Doctors' weekly schedules, leave and extra hours." />
  ),
};

/** The receptionist's navigation, in order. */
export const receptionScreens: ScreenDef[] = [
  { path: 'today', label: 'Today', element: <ScreenPlaceholder title="Today" /> },
  {
    path: 'book',
    label: 'Book',
    element: <ScreenPlaceholder title="Book an appointment" />,
    shortcut: { keys: ['alt+n'], description: 'New booking' },
  },
  { path: 'patients', label: 'Patients', element: <ScreenPlaceholder title="Patients" /> },
  {
    path: 'queue',
    label: 'Queue',
    element: <ScreenPlaceholder title="Queue and check-in" />,
    shortcut: { keys: ['alt+c'], description: 'Check a patient in' },
  },
  appointmentsScreen,
  { path: 'billing', label: 'Billing', element: <ScreenPlaceholder title="Billing" /> },
  schedulesScreen,
];
