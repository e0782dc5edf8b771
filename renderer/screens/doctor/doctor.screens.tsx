import type { ScreenDef } from '@renderer/app/screens';
import { ScreenPlaceholder } from '@renderer/components/ScreenPlaceholder';
import { appointmentsScreen } from '@renderer/screens/shared/appointments/appointments.screen';

/** The doctor's navigation, in order. */
export const doctorScreens: ScreenDef[] = [
  { path: 'my-queue', label: 'My queue', element: <ScreenPlaceholder title="My queue" /> },
  { path: 'schedule', label: 'Schedule', element: <ScreenPlaceholder title="My schedule" /> },
  {
    path: 'requests',
    label: 'Requests',
    element: <ScreenPlaceholder title="Booking and reschedule requests" />,
  },
  appointmentsScreen,
];
