import { Route, Routes } from 'react-router';
import { AppointmentDetailScreen } from './AppointmentDetailScreen';
import { AppointmentsListScreen } from './AppointmentsListScreen';
import { RescheduleScreen } from './RescheduleScreen';

/** My appointments: upcoming and past, one in detail, cancel and reschedule (mounted at /appointments/*). */
export default function AppointmentsRoutes() {
  return (
    <Routes>
      <Route index element={<AppointmentsListScreen />} />
      <Route path=":id" element={<AppointmentDetailScreen />} />
      <Route path=":id/reschedule" element={<RescheduleScreen />} />
    </Routes>
  );
}
