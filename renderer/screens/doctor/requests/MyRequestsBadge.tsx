import { RequestsBadge } from '@renderer/screens/shared/requests/RequestsBadge';
import { useMyDoctorId } from '@renderer/screens/doctor/common/use-my-doctor';

/** The count beside the doctor's Requests item: their own requests only. */
export function MyRequestsBadge() {
  const doctorId = useMyDoctorId();
  return doctorId ? <RequestsBadge doctorId={doctorId} /> : null;
}
