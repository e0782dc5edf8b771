import { ScreenHeader } from '@renderer/components/ScreenHeader';
import { RequestsView } from '@renderer/screens/shared/requests/RequestsView';

/**
 * Reception's view of what waits for the clinic's answer, every doctor's: booking requests (the
 * front desk may confirm them) and patients' reschedule requests from the app (approve or decline).
 */
export function RequestsScreen() {
  return (
    <>
      <ScreenHeader
        title="Requests"
        description="Booking requests and patients’ requests to move a visit, for every doctor."
      />
      <RequestsView />
    </>
  );
}
