import type { ScreenDef } from '@renderer/app/screens';
import { BillingScreen } from '@renderer/screens/reception/billing/BillingScreen';
import { QueueScreen } from '@renderer/screens/reception/queue/QueueScreen';
import { BookScreen } from '@renderer/screens/reception/booking/BookScreen';
import { PatientsScreen } from '@renderer/screens/reception/patients/PatientsScreen';
import { RequestsScreen } from '@renderer/screens/reception/requests/RequestsScreen';
import { TodayScreen } from '@renderer/screens/reception/today/TodayScreen';
import { RequestsBadge } from '@renderer/screens/shared/requests/RequestsBadge';
import { appointmentsScreen } from '@renderer/screens/shared/appointments/appointments.screen';
import { messagesScreen } from '@renderer/screens/shared/messages/messages.screen';
import { schedulesScreen } from '@renderer/screens/shared/schedules/schedules.screen';

/** The receptionist's navigation, in order. */
export const receptionScreens: ScreenDef[] = [
  { path: 'today', label: 'Today', element: <TodayScreen /> },
  {
    path: 'book',
    label: 'Book',
    element: <BookScreen />,
    shortcut: { keys: ['alt+n'], description: 'New booking' },
  },
  { path: 'patients', label: 'Patients', element: <PatientsScreen /> },
  {
    path: 'queue',
    label: 'Queue',
    element: <QueueScreen />,
    shortcut: { keys: ['alt+c'], description: 'Check a patient in' },
  },
  appointmentsScreen,
  // Booking and reschedule requests (patients' from the app among them), counted in the navigation.
  { path: 'requests', label: 'Requests', element: <RequestsScreen />, navBadge: <RequestsBadge /> },
  { path: 'billing', label: 'Billing', element: <BillingScreen /> },
  messagesScreen,
  schedulesScreen,
];
