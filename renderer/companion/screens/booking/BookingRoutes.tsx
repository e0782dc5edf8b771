import { Route, Routes } from 'react-router';
import { BookedScreen } from './BookedScreen';
import { ConfirmScreen } from './ConfirmScreen';
import { DayScreen } from './DayScreen';
import { DoctorsScreen } from './DoctorsScreen';

/** Booking: doctors → day and free time → confirm → booked or requested (mounted at /book/*). */
export default function BookingRoutes() {
  return (
    <Routes>
      <Route index element={<DoctorsScreen />} />
      <Route path="booked/:id" element={<BookedScreen />} />
      <Route path=":doctorId" element={<DayScreen />} />
      <Route path=":doctorId/confirm" element={<ConfirmScreen />} />
    </Routes>
  );
}
