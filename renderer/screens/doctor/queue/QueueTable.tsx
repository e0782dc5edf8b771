import { Badge, Button, Table, Text } from '@chakra-ui/react';
import type { ResultOf } from '@shared/contract/index';
import type { Patient } from '@shared/domain/patient.schema';
import { formatMinutes, minutesUntilCall, waitingMinutes } from '@shared/rules/wait-estimate';
import type { ClinicFormat } from '@renderer/app/clinic-format';
import { PatientCell } from '@renderer/components/PatientCell';
import { TablePanel } from '@renderer/components/TablePanel';
import { EarlyCheckInBadge } from '@renderer/components/visits/EarlyCheckInBadge';

type Waiting = ResultOf<'queue.list'>['waiting'][number];

/**
 * The waiting patients in call order. Waiting time is now − check-in, ticking on screen; the
 * estimate is the hub's call time counted down against the same clock (docs/product.md §7).
 */
export function QueueTable({
  waiting,
  patients,
  now,
  format,
  inRoom,
  starting,
  onStart,
}: {
  waiting: Waiting[];
  patients: Map<string, Patient>;
  /** The hub's clock (useHubNow), as an instant. */
  now: string;
  format: ClinicFormat;
  inRoom: boolean;
  starting: boolean;
  onStart: (entryId: string) => void;
}) {
  return (
    <TablePanel label="Waiting patients">
      <Table.Root size="sm" aria-label="Waiting patients">
        <Table.Header>
          <Table.Row bg="bg.muted">
            <Table.ColumnHeader>Token</Table.ColumnHeader>
            <Table.ColumnHeader>Patient</Table.ColumnHeader>
            <Table.ColumnHeader>Checked in</Table.ColumnHeader>
            <Table.ColumnHeader>Waiting</Table.ColumnHeader>
            <Table.ColumnHeader>Estimated call</Table.ColumnHeader>
            <Table.ColumnHeader>
              <Text srOnly>Actions</Text>
            </Table.ColumnHeader>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {waiting.map((w) => {
            const patient = patients.get(w.entry.patientId);
            return (
              <Table.Row key={w.entry.id} data-testid="queue-row">
                <Table.Cell whiteSpace="nowrap">
                  <Text fontWeight="semibold">{w.entry.token}</Text>
                  {w.entry.priority === 'urgent' && (
                    <Badge data-testid="urgent" colorPalette="red" size="sm">
                      Urgent
                    </Badge>
                  )}
                </Table.Cell>
                <PatientCell patient={patient} />
                <Table.Cell whiteSpace="nowrap">
                  {format.time(w.entry.checkedInAt)}
                  <EarlyCheckInBadge minutes={w.earlyCheckInMinutes} />
                </Table.Cell>
                <Table.Cell whiteSpace="nowrap" data-testid="waiting-time">
                  {formatMinutes(waitingMinutes(w.entry.checkedInAt, now))}
                </Table.Cell>
                <Table.Cell whiteSpace="nowrap">
                  <Text>{format.time(w.estimatedCallAt)}</Text>
                  <Text color="fg.muted" fontSize="xs">
                    in about {formatMinutes(minutesUntilCall(w.estimatedCallAt, now))} · {w.patientsAhead}{' '}
                    ahead
                  </Text>
                </Table.Cell>
                <Table.Cell textAlign="end">
                  <Button
                    size="xs"
                    variant="outline"
                    disabled={inRoom || starting}
                    onClick={() => onStart(w.entry.id)}
                    aria-label={`Start consultation with ${w.entry.token}`}
                  >
                    Start consultation
                  </Button>
                </Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table.Root>
    </TablePanel>
  );
}
