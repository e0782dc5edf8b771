import type { ScreenDef } from '@renderer/app/screens';
import { appointmentsScreen } from '@renderer/screens/shared/appointments/appointments.screen';
import { VitalsScreen } from './vitals/VitalsScreen';

/** The nurse's navigation (docs/product.md §1: records vitals for checked-in patients), in order. */
export const nurseScreens: ScreenDef[] = [
  { path: 'vitals', label: 'Vitals', element: <VitalsScreen /> },
  appointmentsScreen,
];
