import { Button, HStack, Text } from '@chakra-ui/react';
import { useState } from 'react';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { PatientName } from '@renderer/components/PatientCell';
import { type DataColumn, DataTable } from '@renderer/components/table/DataTable';
import { useDoctors, usePatients } from '@renderer/screens/shared/appointments/use-people';
import { ChannelBadge } from '@renderer/screens/shared/appointments/ChannelBadge';
import { DecideRescheduleDialog } from './DecideRescheduleDialog';
import { askedFor, type PendingReschedule } from './pending-reschedule';

/**
 * Patients' reschedule requests from the app (docs/product.md §6): the time now → the time asked
 * for, and the patient's reason; Approve (moving it) or Decline with a reason.
 */
export function RescheduleRequestsTable({
  rows,
  showDoctor,
}: {
  rows: PendingReschedule[];
  showDoctor: boolean;
}) {
  const format = useClinicFormat();
  const patients = usePatients(rows.map((p) => p.appointment.patientId));
  const { byId: doctors } = useDoctors();
  const [deciding, setDeciding] = useState<{ pending: PendingReschedule; approve: boolean } | null>(null);
  const name = (p: PendingReschedule) => p.appointment.number ?? 'appointment';
  const columns: DataColumn<PendingReschedule>[] = [
    {
      id: 'change',
      header: 'Now → asked for',
      sortBy: (p) => Date.parse(p.appointment.startsAt),
      cell: (p) => (
        <>
          <Text>{format.dateTime(p.appointment.startsAt)} →</Text>
          <Text fontWeight="medium">{askedFor(p, format)}</Text>
        </>
      ),
    },
    {
      id: 'number',
      header: 'Number',
      sortBy: (p) => p.appointment.number,
      cellProps: { whiteSpace: 'nowrap' },
      cell: (p) => p.appointment.number ?? 'Provisional',
    },
    {
      id: 'patient',
      header: 'Patient',
      sortBy: (p) => patients.get(p.appointment.patientId)?.fullName,
      cell: (p) => <PatientName patient={patients.get(p.appointment.patientId)} />,
    },
    ...(showDoctor
      ? [
          {
            id: 'doctor',
            header: 'Doctor',
            sortBy: (p: PendingReschedule) => doctors.get(p.appointment.doctorId)?.fullName,
            cell: (p: PendingReschedule) => doctors.get(p.appointment.doctorId)?.fullName ?? '…',
          },
        ]
      : []),
    { id: 'reason', header: 'Patient’s reason', cell: (p) => p.request.note || '—' },
    { id: 'via', header: 'Via', cell: () => <ChannelBadge /> },
    {
      id: 'actions',
      header: 'Actions',
      headerHidden: true,
      cell: (p) => (
        <HStack gap="2" justify="end">
          <Button
            size="xs"
            colorPalette="teal"
            onClick={() => setDeciding({ pending: p, approve: true })}
            aria-label={`Approve the new time for ${name(p)}`}
          >
            Approve
          </Button>
          <Button
            size="xs"
            variant="outline"
            colorPalette="red"
            onClick={() => setDeciding({ pending: p, approve: false })}
            aria-label={`Decline the new time for ${name(p)}`}
          >
            Decline
          </Button>
        </HStack>
      ),
    },
  ];
  return (
    <>
      <DataTable
        label="Reschedule requests"
        rows={rows}
        columns={columns}
        rowKey={(p) => p.request.id}
        rowAttributes={() => ({ 'data-testid': 'reschedule-request-row' })}
      />
      <DecideRescheduleDialog
        pending={deciding?.pending ?? null}
        approve={deciding?.approve ?? true}
        onClose={() => setDeciding(null)}
      />
    </>
  );
}
