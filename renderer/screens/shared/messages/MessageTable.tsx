import { Link, Stack, Table, Text } from '@chakra-ui/react';
import type { Notification } from '@shared/domain/notification.schema';
import type { Patient } from '@shared/domain/patient.schema';
import type { ClinicFormat } from '@renderer/app/clinic-format';
import { PatientCell } from '@renderer/components/PatientCell';
import { TablePanel } from '@renderer/components/TablePanel';
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
  return (
    <TablePanel label={label}>
      <Table.Root size="sm" interactive aria-label={label}>
        <Table.Header>
          <Table.Row bg="bg.muted">
            <Table.ColumnHeader>When</Table.ColumnHeader>
            {withPatient && <Table.ColumnHeader>Patient</Table.ColumnHeader>}
            <Table.ColumnHeader>Kind</Table.ColumnHeader>
            <Table.ColumnHeader>Channel</Table.ColumnHeader>
            <Table.ColumnHeader>Recipient</Table.ColumnHeader>
            <Table.ColumnHeader>State</Table.ColumnHeader>
            <Table.ColumnHeader textAlign="end">Attempts</Table.ColumnHeader>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {messages.map((m) => {
            const segments = segmentsLabel(m);
            const later = m.state === 'pending' && m.dueAt > m.createdAt;
            return (
              <Table.Row key={m.id} cursor="pointer" onClick={() => onOpen(m)} data-testid="message-row">
                <Table.Cell whiteSpace="nowrap">
                  <Text fontWeight="medium">{format.time(m.createdAt)}</Text>
                  <Text color="fg.muted" fontSize="xs">
                    {format.date(m.createdAt)}
                  </Text>
                  {later && (
                    <Text color="fg.muted" fontSize="xs">
                      due{' '}
                      {format.clinicDate(m.dueAt) === format.clinicDate(m.createdAt)
                        ? format.time(m.dueAt)
                        : format.dateTime(m.dueAt)}
                    </Text>
                  )}
                </Table.Cell>
                {withPatient &&
                  (m.patientId ? (
                    <PatientCell patient={patients?.get(m.patientId)} />
                  ) : (
                    <Table.Cell color="fg.muted">—</Table.Cell>
                  ))}
                <Table.Cell>
                  <Link
                    as="button"
                    fontWeight="medium"
                    color="colorPalette.fg"
                    textAlign="start"
                    onClick={(e) => {
                      e.stopPropagation();
                      onOpen(m);
                    }}
                  >
                    {KIND_LABELS[m.kind]}
                  </Link>
                </Table.Cell>
                <Table.Cell whiteSpace="nowrap">
                  <Text>{CHANNEL_LABELS[m.channel]}</Text>
                  {segments && (
                    <Text color="fg.muted" fontSize="xs">
                      {segments}
                    </Text>
                  )}
                </Table.Cell>
                <Table.Cell maxW="16rem">
                  <Text truncate title={m.recipient}>
                    {m.channel === 'in_app' ? 'Patient’s app' : m.recipient || '—'}
                  </Text>
                </Table.Cell>
                <Table.Cell maxW="18rem">
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
                </Table.Cell>
                <Table.Cell textAlign="end">{m.attempts}</Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table.Root>
    </TablePanel>
  );
}
