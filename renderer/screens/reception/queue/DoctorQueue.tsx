import { Badge, Box, Button, HStack, IconButton, Link, Stack, Table, Text } from '@chakra-ui/react';
import type { QueueEntry } from '@shared/domain/queue.schema';
import type { Doctor } from '@shared/domain/doctor.schema';
import { useApiMutation, useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { EmptyState, LoadingState } from '@renderer/components/StateViews';
import { notifyError } from '@renderer/components/toaster';
import { EarlyCheckInBadge } from '@renderer/components/visits/EarlyCheckInBadge';
import { formatMinutes, minutesUntilCall, waitingMinutes } from '@shared/rules/wait-estimate';
import { useHubNow } from '@renderer/api/hub-clock';
import { usePatients } from '@renderer/screens/shared/appointments/use-people';
import { ArrowDownIcon, ArrowUpIcon } from './QueueIcons';

const STATE_LABELS: Record<QueueEntry['state'], string> = {
  waiting: 'Waiting',
  called: 'Called',
  in_consultation: 'In consultation',
  done: 'Done',
  left: 'Left',
};

/** One doctor's queue today (docs/product.md §7): who is in, who waits how long, estimates, reorder and priority. */
export function DoctorQueue({ doctor, onOpen }: { doctor: Doctor; onOpen: (appointmentId: string) => void }) {
  const format = useClinicFormat();
  const now = new Date(useHubNow()).toISOString();
  const queue = useApiQuery('queue.list', { doctorId: doctor.id, date: format.today() });
  const entries = [
    ...(queue.data?.current ? [queue.data.current] : []),
    ...(queue.data?.waiting.map((w) => w.entry) ?? []),
  ];
  const patients = usePatients(entries.map((e) => e.patientId));
  const move = useApiMutation('queue.move', { onError: (e) => notifyError(e, 'The queue was not changed') });
  const priority = useApiMutation('queue.setPriority', {
    onError: (e) => notifyError(e, 'The priority was not changed'),
  });
  const busy = move.isPending || priority.isPending;

  if (queue.isLoading) return <LoadingState label={`Loading ${doctor.fullName}’s queue…`} />;
  if (queue.error) return <ErrorMessage error={queue.error} />;
  const data = queue.data!;
  const current = data.current;
  const name = (e: QueueEntry) => patients.get(e.patientId)?.fullName ?? '…';

  return (
    <Stack gap="3">
      <HStack justify="space-between" wrap="wrap" gap="2">
        <Text color="fg.muted" fontSize="sm">
          Average consultation {data.averageConsultationMinutes} min · {data.waiting.length} waiting ·{' '}
          {data.done.length} seen today
        </Text>
      </HStack>
      <Box bg="bg.panel" borderWidth="1px" borderRadius="lg" p="3" data-testid="in-consultation">
        {current ? (
          <HStack gap="3" wrap="wrap">
            <Badge colorPalette="purple" size="lg" variant="solid">
              {current.token}
            </Badge>
            <Link as="button" fontWeight="medium" onClick={() => onOpen(current.appointmentId)}>
              {name(current)}
            </Link>
            <Text color="fg.muted">
              {STATE_LABELS[current.state]}
              {current.consultationStartedAt ? ` since ${format.time(current.consultationStartedAt)}` : ''}
            </Text>
          </HStack>
        ) : (
          <Text color="fg.muted">Nobody is with the doctor now.</Text>
        )}
      </Box>
      {data.waiting.length === 0 ? (
        <EmptyState
          title="Nobody is waiting"
          description="Checked-in patients appear here with their token."
        />
      ) : (
        <Box bg="bg.panel" borderWidth="1px" borderRadius="lg" overflowX="auto">
          <Table.Root size="sm" aria-label={`${doctor.fullName}’s queue`}>
            <Table.Header>
              <Table.Row bg="bg.muted">
                <Table.ColumnHeader>Token</Table.ColumnHeader>
                <Table.ColumnHeader>Patient</Table.ColumnHeader>
                <Table.ColumnHeader>Status</Table.ColumnHeader>
                <Table.ColumnHeader>Waiting</Table.ColumnHeader>
                <Table.ColumnHeader>Estimated call</Table.ColumnHeader>
                <Table.ColumnHeader>Order and priority</Table.ColumnHeader>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.waiting.map((w, i) => {
                const e = w.entry;
                const urgent = e.priority === 'urgent';
                return (
                  <Table.Row key={e.id} data-testid="queue-row">
                    <Table.Cell>
                      <Text fontWeight="semibold" fontFamily="mono">
                        {e.token}
                      </Text>
                    </Table.Cell>
                    <Table.Cell>
                      <Link as="button" color="colorPalette.fg" onClick={() => onOpen(e.appointmentId)}>
                        {name(e)}
                      </Link>
                      {urgent && (
                        <Badge data-testid="urgent" ms="2" colorPalette="red" variant="solid" size="sm">
                          Urgent
                        </Badge>
                      )}
                      <EarlyCheckInBadge minutes={w.earlyCheckInMinutes} />
                    </Table.Cell>
                    <Table.Cell>{STATE_LABELS[e.state]}</Table.Cell>
                    <Table.Cell data-testid="waiting-time" whiteSpace="nowrap">
                      {formatMinutes(waitingMinutes(e.checkedInAt, now))}
                    </Table.Cell>
                    <Table.Cell whiteSpace="nowrap">
                      ~{formatMinutes(minutesUntilCall(w.estimatedCallAt, now))} ·{' '}
                      {format.time(w.estimatedCallAt)}
                      <Text color="fg.muted" fontSize="xs">
                        {w.patientsAhead} ahead
                      </Text>
                    </Table.Cell>
                    <Table.Cell>
                      <HStack gap="1">
                        <IconButton
                          size="xs"
                          variant="outline"
                          aria-label={`Move ${e.token} up`}
                          disabled={i === 0 || busy}
                          onClick={() => move.mutate({ entryId: e.id, toIndex: i - 1 })}
                        >
                          <ArrowUpIcon />
                        </IconButton>
                        <IconButton
                          size="xs"
                          variant="outline"
                          aria-label={`Move ${e.token} down`}
                          disabled={i === data.waiting.length - 1 || busy}
                          onClick={() => move.mutate({ entryId: e.id, toIndex: i + 1 })}
                        >
                          <ArrowDownIcon />
                        </IconButton>
                        <Button
                          size="xs"
                          variant={urgent ? 'solid' : 'outline'}
                          colorPalette={urgent ? 'red' : 'gray'}
                          aria-pressed={urgent}
                          disabled={busy}
                          onClick={() =>
                            priority.mutate({ entryId: e.id, priority: urgent ? 'normal' : 'urgent' })
                          }
                        >
                          Urgent
                        </Button>
                      </HStack>
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table.Root>
        </Box>
      )}
    </Stack>
  );
}
