import { Badge, Button, Text } from '@chakra-ui/react';
import { useMemo } from 'react';
import type { ResultOf } from '@shared/contract/index';
import type { Patient } from '@shared/domain/patient.schema';
import { formatMinutes, minutesUntilCall, waitingMinutes } from '@shared/rules/wait-estimate';
import type { ClinicFormat } from '@renderer/app/clinic-format';
import { PatientName } from '@renderer/components/PatientCell';
import { type DataColumn, DataTable } from '@renderer/components/table/DataTable';
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
  // No sorting: the rows are in call order, which is what this table is for.
  const columns = useMemo(
    (): DataColumn<Waiting>[] => [
      {
        id: 'token',
        header: 'Token',
        cellProps: { whiteSpace: 'nowrap' },
        cell: (w) => (
          <>
            <Text fontWeight="semibold">{w.entry.token}</Text>
            {w.entry.priority === 'urgent' && (
              <Badge data-testid="urgent" colorPalette="red" size="sm">
                Urgent
              </Badge>
            )}
          </>
        ),
      },
      {
        id: 'patient',
        header: 'Patient',
        cell: (w) => <PatientName patient={patients.get(w.entry.patientId)} />,
      },
      {
        id: 'checkedIn',
        header: 'Checked in',
        cellProps: { whiteSpace: 'nowrap' },
        cell: (w) => (
          <>
            {format.time(w.entry.checkedInAt)}
            <EarlyCheckInBadge minutes={w.earlyCheckInMinutes} />
          </>
        ),
      },
      {
        id: 'waiting',
        header: 'Waiting',
        cellProps: { whiteSpace: 'nowrap', 'data-testid': 'waiting-time' },
        cell: (w) => formatMinutes(waitingMinutes(w.entry.checkedInAt, now)),
      },
      {
        id: 'estimate',
        header: 'Estimated call',
        cellProps: { whiteSpace: 'nowrap' },
        cell: (w) => (
          <>
            <Text>{format.time(w.estimatedCallAt)}</Text>
            <Text color="fg.muted" fontSize="xs">
              in about {formatMinutes(minutesUntilCall(w.estimatedCallAt, now))} · {w.patientsAhead} ahead
            </Text>
          </>
        ),
      },
      {
        id: 'actions',
        header: 'Actions',
        headerHidden: true,
        align: 'end',
        cell: (w) => (
          <Button
            size="xs"
            variant="outline"
            disabled={inRoom || starting}
            onClick={() => onStart(w.entry.id)}
            aria-label={`Start consultation with ${w.entry.token}`}
          >
            Start consultation
          </Button>
        ),
      },
    ],
    [patients, now, format, inRoom, starting, onStart],
  );
  return (
    <DataTable
      label="Waiting patients"
      rows={waiting}
      columns={columns}
      rowKey={(w) => w.entry.id}
      rowAttributes={() => ({ 'data-testid': 'queue-row' })}
    />
  );
}
