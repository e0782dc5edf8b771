import { Heading, Stack } from '@chakra-ui/react';
import { useApiQuery } from '@renderer/api/hooks';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { EmptyState, LoadingState } from '@renderer/components/StateViews';
import { BookingRequestsTable } from './BookingRequestsTable';
import { RescheduleRequestsTable } from './RescheduleRequestsTable';
import { useRequests } from './use-requests';

/**
 * Booking requests and patients' reschedule requests waiting for an answer (docs/product.md §4–6):
 * one doctor's (their Requests screen) or, without `doctorId`, every doctor's (reception's).
 */
export function RequestsView({ doctorId }: { doctorId?: string }) {
  const settings = useApiQuery('settings.get', {}, { staleTime: 5 * 60_000 });
  const { bookings, reschedules, isLoading, error } = useRequests(doctorId);
  const showDoctor = !doctorId;

  if (isLoading) return <LoadingState label="Loading requests…" />;
  if (error) return <ErrorMessage error={error} />;
  if (bookings.length === 0 && reschedules.length === 0) {
    return (
      <EmptyState
        title="No requests waiting"
        description={
          settings.data && !settings.data.bookingNeedsConfirmation
            ? 'The clinic confirms bookings at once, so requests rarely need your answer.'
            : 'New booking requests, and patients’ requests to move a visit, appear here.'
        }
      />
    );
  }
  return (
    <Stack gap="8">
      {bookings.length > 0 && (
        <Stack gap="3" as="section" aria-labelledby="booking-requests">
          <Heading as="h2" size="md" id="booking-requests">
            Booking requests
          </Heading>
          <BookingRequestsTable rows={bookings} showDoctor={showDoctor} />
        </Stack>
      )}
      {reschedules.length > 0 && (
        <Stack gap="3" as="section" aria-labelledby="reschedule-requests">
          <Heading as="h2" size="md" id="reschedule-requests">
            Reschedule requests
          </Heading>
          <RescheduleRequestsTable rows={reschedules} showDoctor={showDoctor} />
        </Stack>
      )}
    </Stack>
  );
}
