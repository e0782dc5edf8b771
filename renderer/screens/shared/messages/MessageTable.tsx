import { Link, Stack, Text } from '@chakra-ui/react';
import { useMemo } from 'react';
import type { Notification } from '@shared/domain/notification.schema';
import type { Patient } from '@shared/domain/patient.schema';
import type { ClinicFormat } from '@renderer/app/clinic-format';
import { PatientName } from '@renderer/components/PatientCell';
import { type DataColumn, DataTable } from '@renderer/components/table/DataTable';
import { CHANNEL_LABELS, KIND_LABELS, segmentsLabel } from './message-labels';
import { MessageStateBadge } from './MessageStateBadge';

/** The outbox: one row per message and channel; a row opens the message. */
export function MessageTable({
  messages,
  patients,
  format,
  onOpen,
  label = 'Messages',
  withPatient = true,
}: {
  messages: Notification[];
  patients?: Map<string, Patient>;
  format: ClinicFormat;
  onOpen: (message: Notification) => void;
  label?: string;
  /** false on a patient's profile, where every message is theirs. */
  withPatient?: boolean;
}) {
  const columns = useMemo(
    () => messageColumns({ patients, format, onOpen, withPatient }),
    [patients, format, onOpen, withPatient],
  );
  return (
    <DataTable
      label={label}
      rows={messages}
      columns={columns}
      rowKey={(m) => m.id}
      onOpen={onOpen}
      rowAttributes={() => ({ 'data-testid': 'message-row' })}
    />
  );
}

function messageColumns({
  patients,
  format,
  onOpen,
  withPatient,
}: {
  patients: Map<string, Patient> | undefined;
  format: ClinicFormat;
  onOpen: (message: Notification) => void;
  withPatient: boolean;
}): DataColumn<Notification>[] {
  const patientColumn: DataColumn<Notification> = {
    id: 'patient',
    header: 'Patient',
    sortBy: (m) => (m.patientId ? patients?.get(m.patientId)?.fullName : undefined),
    cellProps: (m) => (m.patientId ? {} : { color: 'fg.muted' }),
    cell: (m) => (m.patientId ? <PatientName patient={patients?.get(m.patientId)} /> : '—'),
  };
  return [
    {
      id: 'when',
      header: 'When',
      sortBy: (m) => Date.parse(m.createdAt),
      cellProps: { whiteSpace: 'nowrap' },
      cell: (m) => (
        <>
          <Text fontWeight="medium">{format.time(m.createdAt)}</Text>
          <Text color="fg.muted" fontSize="xs">
            {format.date(m.createdAt)}
          </Text>
          {m.state === 'pending' && m.dueAt > m.createdAt && (
            <Text color="fg.muted" fontSize="xs">
              due{' '}
              {format.clinicDate(m.dueAt) === format.clinicDate(m.createdAt)
                ? format.time(m.dueAt)
                : format.dateTime(m.dueAt)}
            </Text>
          )}
        </>
      ),
    },
    ...(withPatient ? [patientColumn] : []),
    {
      id: 'kind',
      header: 'Kind',
      sortBy: (m) => KIND_LABELS[m.kind],
      cell: (m) => (
        <Link
          as="button"
          fontWeight="medium"
          color="colorPalette.fg"
          textAlign="start"
          tabIndex={-1}
          onClick={(e) => {
            e.stopPropagation();
            onOpen(m);
          }}
        >
          {KIND_LABELS[m.kind]}
        </Link>
      ),
    },
    {
      id: 'channel',
      header: 'Channel',
      sortBy: (m) => CHANNEL_LABELS[m.channel],
      cellProps: { whiteSpace: 'nowrap' },
      cell: (m) => {
        const segments = segmentsLabel(m);
        return (
          <>
            <Text>{CHANNEL_LABELS[m.channel]}</Text>
            {segments && (
              <Text color="fg.muted" fontSize="xs">
                {segments}
              </Text>
            )}
          </>
        );
      },
    },
    {
      id: 'recipient',
      header: 'Recipient',
      sortBy: (m) => m.recipient,
      cellProps: { maxW: '16rem' },
      cell: (m) => (
        <Text truncate title={m.recipient}>
          {m.channel === 'in_app' ? 'Patient’s app' : m.recipient || '—'}
        </Text>
      ),
    },
    {
      id: 'state',
      header: 'State',
      sortBy: (m) => m.state,
      cellProps: { maxW: '18rem' },
      cell: (m) => (
        <Stack gap="1" align="flex-start">
          <MessageStateBadge state={m.state} />
          {m.reason && (m.state === 'failed' || m.state === 'skipped') && (
            <Text
              fontSize="xs"
              color={m.state === 'failed' ? 'fg.error' : 'fg.muted'}
              lineClamp={2}
              title={m.reason}
            >
              {m.reason}
            </Text>
          )}
        </Stack>
      ),
    },
    { id: 'attempts', header: 'Attempts', align: 'end', sortBy: (m) => m.attempts, cell: (m) => m.attempts },
  ];
}
