import { Button, HStack, Text } from '@chakra-ui/react';
import { useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { ScreenHeader } from '@renderer/components/ScreenHeader';
import { EmptyState, LoadingState } from '@renderer/components/StateViews';
import { usePatients } from '@renderer/screens/shared/appointments/use-people';
import { MessageDrawer } from './MessageDrawer';
import { MessageFilterBar } from './MessageFilterBar';
import { MessageTable } from './MessageTable';
import { useMessageFilters } from './message-filters';
import { useOpenMessage } from './use-open-message';

const PAGE_SIZE = 25;
/** Delivery happens on the hub and messages are not synced, so no push announces it: poll. */
export const MESSAGES_POLL_MS = 5_000;

/** Reception and admin: every message the clinic made (the SMS outbox too), its text and delivery. */
export function MessagesScreen() {
  const format = useClinicFormat();
  const [filters, setFilters, setPage] = useMessageFilters();
  const list = useApiQuery(
    'notifications.outbox',
    {
      ...(filters.kind ? { kind: filters.kind } : {}),
      ...(filters.channel ? { channel: filters.channel } : {}),
      ...(filters.state ? { state: filters.state } : {}),
      ...(filters.fromDate ? { fromDate: filters.fromDate } : {}),
      ...(filters.toDate ? { toDate: filters.toDate } : {}),
      ...(filters.patientId ? { patientId: filters.patientId } : {}),
      limit: PAGE_SIZE,
      offset: filters.page * PAGE_SIZE,
    },
    { placeholderData: (previous) => previous, refetchInterval: MESSAGES_POLL_MS },
  );
  const rows = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const patients = usePatients([
    ...rows.flatMap((m) => (m.patientId ? [m.patientId] : [])),
    ...(filters.patientId ? [filters.patientId] : []),
  ]);
  const drawer = useOpenMessage(rows);
  const filtered =
    filters.kind ||
    filters.channel ||
    filters.state ||
    filters.fromDate ||
    filters.toDate ||
    filters.patientId;

  return (
    <>
      <ScreenHeader
        title="Messages"
        description="What the clinic sent or will send patients (SMS, e-mail, app), and how delivery went."
      />
      <MessageFilterBar
        filters={filters}
        onChange={setFilters}
        patient={filters.patientId ? (patients.get(filters.patientId) ?? null) : null}
        today={format.today()}
      />
      <ErrorMessage error={list.error} />
      {list.isLoading ? (
        <LoadingState label="Loading messages…" />
      ) : rows.length === 0 && !list.error ? (
        <EmptyState
          title="No messages found"
          description={
            filtered
              ? 'Nothing matches these filters. Try other dates or clear a filter.'
              : 'Messages appear here once bookings, payments or prescriptions make them.'
          }
        />
      ) : (
        <>
          <MessageTable messages={rows} patients={patients} format={format} onOpen={drawer.open} />
          <HStack justify="space-between" mt="3" aria-live="polite">
            <Text color="fg.muted" fontSize="sm">
              {filters.page * PAGE_SIZE + 1}–{filters.page * PAGE_SIZE + rows.length} of {total}
            </Text>
            <HStack gap="2">
              <Button
                size="sm"
                variant="outline"
                disabled={filters.page === 0}
                onClick={() => setPage(filters.page - 1)}
              >
                Previous
              </Button>
              <Button
                size="sm"
                variant="outline"
                disabled={(filters.page + 1) * PAGE_SIZE >= total}
                onClick={() => setPage(filters.page + 1)}
              >
                Next
              </Button>
            </HStack>
          </HStack>
        </>
      )}
      <MessageDrawer message={drawer.message} onClose={drawer.close} onRetried={drawer.retried} />
    </>
  );
}
