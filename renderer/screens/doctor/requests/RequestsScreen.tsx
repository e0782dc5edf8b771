import { ScreenHeader } from '@renderer/components/ScreenHeader';
import { RequestsView } from '@renderer/screens/shared/requests/RequestsView';
import { NotLinked } from '@renderer/screens/doctor/common/NotLinked';
import { useMyDoctorId } from '@renderer/screens/doctor/common/use-my-doctor';

/**
 * Requests waiting for this doctor's answer (docs/product.md §4–6): bookings to confirm or decline
 * with a reason, and patients' requests to move a visit, approved or declined.
 */
export function RequestsScreen() {
  const doctorId = useMyDoctorId();
  return (
    <>
      <ScreenHeader
        title="Requests"
        description="Bookings and patients’ requests to move a visit, waiting for your answer."
      />
      {doctorId ? <RequestsView doctorId={doctorId} /> : <NotLinked />}
    </>
  );
}
