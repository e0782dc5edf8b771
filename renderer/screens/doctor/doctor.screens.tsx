import type { ScreenDef } from '@renderer/app/screens';
import { appointmentsScreen } from '@renderer/screens/shared/appointments/appointments.screen';
import { ConsultationScreen } from './consultation/ConsultationScreen';
import { MyQueueScreen } from './queue/MyQueueScreen';
import { RequestsScreen } from './requests/RequestsScreen';
import { ScheduleScreen } from './schedule/ScheduleScreen';
import { MyRequestsBadge } from './requests/MyRequestsBadge';

/** The doctor's navigation, in order. */
export const doctorScreens: ScreenDef[] = [
  { path: 'my-queue', label: 'My queue', element: <MyQueueScreen /> },
  { path: 'schedule', label: 'Schedule', element: <ScheduleScreen /> },
  { path: 'requests', label: 'Requests', element: <RequestsScreen />, navBadge: <MyRequestsBadge /> },
  appointmentsScreen,
  { path: 'consultation', label: 'Consultation', element: <ConsultationScreen />, hideInNav: true },
];
