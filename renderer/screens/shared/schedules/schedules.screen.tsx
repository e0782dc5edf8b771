import type { ScreenDef } from '@renderer/app/screens';
import { SchedulesScreen } from './SchedulesScreen';

/** The schedules screen: reception and admin both manage doctors' schedules (docs/product.md §1, §3). */
export const schedulesScreen: ScreenDef = {
  path: 'schedules',
  label: 'Schedules',
  element: <SchedulesScreen />,
};
