import type { ScreenDef } from '@renderer/app/screens';
import { AuditScreen } from '@renderer/screens/admin/audit/AuditScreen';
import { DoctorsRoomsScreen } from '@renderer/screens/admin/doctors-rooms/DoctorsRoomsScreen';
import { DevicesScreen } from '@renderer/screens/admin/devices/DevicesScreen';
import { MessageTextsScreen } from '@renderer/screens/admin/message-texts/MessageTextsScreen';
import { SettingsScreen } from '@renderer/screens/admin/settings/SettingsScreen';
import { SummaryScreen } from '@renderer/screens/admin/summary/SummaryScreen';
import { UsersScreen } from '@renderer/screens/admin/users/UsersScreen';
import { appointmentsScreen } from '@renderer/screens/shared/appointments/appointments.screen';
import { messagesScreen } from '@renderer/screens/shared/messages/messages.screen';
import { schedulesScreen } from '@renderer/screens/shared/schedules/schedules.screen';

/** The admin's navigation, in order. */
export const adminScreens: ScreenDef[] = [
  { path: 'summary', label: 'Summary', element: <SummaryScreen /> },
  { path: 'users', label: 'Users', element: <UsersScreen /> },
  {
    path: 'doctors-rooms',
    label: 'Doctors & rooms',
    element: <DoctorsRoomsScreen />,
  },
  schedulesScreen,
  { path: 'settings', label: 'Settings', element: <SettingsScreen /> },
  { path: 'message-texts', label: 'Message texts', element: <MessageTextsScreen /> },
  { path: 'audit', label: 'Audit log', element: <AuditScreen /> },
  { path: 'devices', label: 'Devices', element: <DevicesScreen /> },
  appointmentsScreen,
  messagesScreen,
];
