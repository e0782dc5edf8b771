import { Badge, Box, Button, HStack, IconButton, Link, Stack, Text } from '@chakra-ui/react';
import type { ResultOf } from '@shared/contract/index';
import type { QueueEntry } from '@shared/domain/queue.schema';
import type { Doctor } from '@shared/domain/doctor.schema';
import { useApiMutation, useApiQuery } from '@renderer/api/hooks';
import { type ClinicFormat, useClinicFormat } from '@renderer/app/clinic-format';
import { type DataColumn, DataTable } from '@renderer/components/table/DataTable';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { EmptyState, LoadingState } from '@renderer/components/StateViews';
import { notifyError } from '@renderer/components/toaster';
import { EarlyCheckInBadge } from '@renderer/components/visits/EarlyCheckInBadge';
import { formatMinutes, minutesUntilCall, waitingMinutes } from '@shared/rules/wait-estimate';
import { useHubNow } from '@renderer/api/hub-clock';
import { usePatients } from '@renderer/screens/shared/appointments/use-people';
import { ArrowDownIcon, ArrowUpIcon } from './QueueIcons';

type Waiting = ResultOf<'queue.list'>['waiting'][number];

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
        <DataTable
          label={`${doctor.fullName}’s queue`}
          rows={data.waiting}
          // No sorting: the rows are in call order, which the buttons change.
          columns={waitingColumns({
            waiting: data.waiting,
            name,
            now,
            format,
            onOpen,
            busy,
            onMove: (entryId, toIndex) => move.mutate({ entryId, toIndex }),
            onPriority: (entryId, urgent) =>
              priority.mutate({ entryId, priority: urgent ? 'urgent' : 'normal' }),
          })}
          rowKey={(w) => w.entry.id}
          rowAttributes={() => ({ 'data-testid': 'queue-row' })}
        />
      )}
    </Stack>
  );
}

function waitingColumns({
  waiting,
  name,
  now,
  format,
  onOpen,
  busy,
  onMove,
  onPriority,
}: {
  waiting: Waiting[];
  name: (entry: QueueEntry) => string;
  now: string;
  format: ClinicFormat;
  onOpen: (appointmentId: string) => void;
  busy: boolean;
  onMove: (entryId: string, toIndex: number) => void;
  onPriority: (entryId: string, urgent: boolean) => void;
}): DataColumn<Waiting>[] {
  return [
    {
      id: 'token',
      header: 'Token',
      cell: ({ entry: e }) => (
        <Text fontWeight="semibold" fontFamily="mono">
          {e.token}
        </Text>
      ),
    },
    {
      id: 'patient',
      header: 'Patient',
      cell: (w) => (
        <>
          <Link as="button" color="colorPalette.fg" onClick={() => onOpen(w.entry.appointmentId)}>
            {name(w.entry)}
          </Link>
          {w.entry.priority === 'urgent' && (
            <Badge data-testid="urgent" ms="2" colorPalette="red" variant="solid" size="sm">
              Urgent
            </Badge>
          )}
          <EarlyCheckInBadge minutes={w.earlyCheckInMinutes} />
        </>
      ),
    },
    { id: 'status', header: 'Status', cell: ({ entry: e }) => STATE_LABELS[e.state] },
    {
      id: 'waiting',
      header: 'Waiting',
      cellProps: { 'data-testid': 'waiting-time', whiteSpace: 'nowrap' },
      cell: ({ entry: e }) => formatMinutes(waitingMinutes(e.checkedInAt, now)),
    },
    {
      id: 'estimate',
      header: 'Estimated call',
      cellProps: { whiteSpace: 'nowrap' },
      cell: (w) => (
        <>
          ~{formatMinutes(minutesUntilCall(w.estimatedCallAt, now))} · {format.time(w.estimatedCallAt)}
          <Text color="fg.muted" fontSize="xs">
            {w.patientsAhead} ahead
          </Text>
        </>
      ),
    },
    {
      id: 'order',
      header: 'Order and priority',
      cell: (w) => {
        const e = w.entry;
        const i = waiting.indexOf(w);
        const urgent = e.priority === 'urgent';
        return (
          <HStack gap="1">
            <IconButton
              size="xs"
              variant="outline"
              aria-label={`Move ${e.token} up`}
              disabled={i === 0 || busy}
              onClick={() => onMove(e.id, i - 1)}
            >
              <ArrowUpIcon />
            </IconButton>
            <IconButton
              size="xs"
              variant="outline"
              aria-label={`Move ${e.token} down`}
              disabled={i === waiting.length - 1 || busy}
              onClick={() => onMove(e.id, i + 1)}
            >
              <ArrowDownIcon />
            </IconButton>
            <Button
              size="xs"
              variant={urgent ? 'solid' : 'outline'}
              colorPalette={urgent ? 'red' : 'gray'}
              aria-pressed={urgent}
              disabled={busy}
              onClick={() => onPriority(e.id, !urgent)}
            >
              Urgent
            </Button>
          </HStack>
        );
      },
    },
  ];
}
