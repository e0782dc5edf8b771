import { useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';

/**
 * What waits for the clinic's answer: REQUESTED bookings from today on, and patients' pending
 * reschedule requests; one doctor's (`doctorId`) or every doctor's. The screen and the
 * navigation's count read the same queries (one fetch, refetched together on a change).
 */
export function useRequests(doctorId: string | undefined) {
  const format = useClinicFormat();
  const bookings = useApiQuery('appointments.list', {
    ...(doctorId ? { doctorId } : {}),
    statuses: ['REQUESTED'],
    fromDate: format.today(),
    limit: 200,
  });
  const reschedules = useApiQuery('appointments.rescheduleRequests', doctorId ? { doctorId } : {});
  return {
    bookings: bookings.data?.items ?? [],
    reschedules: reschedules.data ?? [],
    /** Both answered: the count is known. */
    ready: bookings.data !== undefined && reschedules.data !== undefined,
    isLoading: bookings.isLoading || reschedules.isLoading,
    error: bookings.error ?? reschedules.error,
    count: (bookings.data?.total ?? 0) + (reschedules.data?.length ?? 0),
  };
}
