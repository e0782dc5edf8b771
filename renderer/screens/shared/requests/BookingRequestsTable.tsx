import { Button, HStack } from '@chakra-ui/react';
import { useState } from 'react';
import type { Appointment } from '@shared/domain/appointment.schema';
import { can } from '@shared/permissions/authorize';
import { useApiMutation } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { useCurrentUser } from '@renderer/app/session/SessionProvider';
import { PatientName } from '@renderer/components/PatientCell';
import { type DataColumn, DataTable } from '@renderer/components/table/DataTable';
import { notifyError, toaster } from '@renderer/components/toaster';
import { MODE_LABELS, TYPE_LABELS } from '@renderer/screens/shared/appointments/appointment-labels';
import { ChannelBadge } from '@renderer/screens/shared/appointments/ChannelBadge';
import { useDoctors, usePatients } from '@renderer/screens/shared/appointments/use-people';
import { DeclineDialog } from './DeclineDialog';

/**
 * REQUESTED bookings (docs/product.md §4 policy, §5): Confirm, and Decline with a reason where the
 * role may decline (a doctor their own, admin any; reception confirms, or cancels from the drawer).
 */
export function BookingRequestsTable({ rows, showDoctor }: { rows: Appointment[]; showDoctor: boolean }) {
  const format = useClinicFormat();
  const mayDecline = can(useCurrentUser().role, 'appointments.decline');
  const patients = usePatients(rows.map((a) => a.patientId));
  const { byId: doctors } = useDoctors();
  const [declining, setDeclining] = useState<Appointment | null>(null);
  const confirm = useApiMutation('appointments.confirm', {
    onSuccess: (a) => toaster.create({ type: 'success', title: `${a.number ?? 'Appointment'} confirmed` }),
    onError: (error) => notifyError(error, 'Could not confirm'),
  });

  const confirming = confirm.isPending ? confirm.variables?.id : null;
  const columns: DataColumn<Appointment>[] = [
    {
      id: 'when',
      header: 'When',
      sortBy: (a) => Date.parse(a.startsAt),
      cellProps: { whiteSpace: 'nowrap' },
      cell: (a) => format.dateTime(a.startsAt),
    },
    {
      id: 'number',
      header: 'Number',
      sortBy: (a) => a.number,
      cellProps: { whiteSpace: 'nowrap' },
      cell: (a) => a.number ?? 'Provisional',
    },
    {
      id: 'patient',
      header: 'Patient',
      sortBy: (a) => patients.get(a.patientId)?.fullName,
      cell: (a) => <PatientName patient={patients.get(a.patientId)} />,
    },
    ...(showDoctor
      ? [
          {
            id: 'doctor',
            header: 'Doctor',
            sortBy: (a: Appointment) => doctors.get(a.doctorId)?.fullName,
            cell: (a: Appointment) => doctors.get(a.doctorId)?.fullName ?? '…',
          },
        ]
      : []),
    {
      id: 'visit',
      header: 'Visit',
      sortBy: (a) => TYPE_LABELS[a.type],
      cell: (a) => (
        <HStack gap="2" wrap="wrap">
          <span>{`${TYPE_LABELS[a.type]} · ${MODE_LABELS[a.mode]}`}</span>
          {a.bookedVia === 'patient_app' && <ChannelBadge />}
        </HStack>
      ),
    },
    { id: 'note', header: 'Note', cell: (a) => a.note || '—' },
    {
      id: 'actions',
      header: 'Actions',
      headerHidden: true,
      cell: (a) => (
        <HStack gap="2" justify="end">
          <Button
            size="xs"
            colorPalette="teal"
            loading={confirming === a.id}
            onClick={() => confirm.mutate({ id: a.id })}
            aria-label={`Confirm ${a.number ?? 'appointment'}`}
          >
            Confirm
          </Button>
          {mayDecline && (
            <Button
              size="xs"
              variant="outline"
              colorPalette="red"
              onClick={() => setDeclining(a)}
              aria-label={`Decline ${a.number ?? 'appointment'}`}
            >
              Decline
            </Button>
          )}
        </HStack>
      ),
    },
  ];

  return (
    <>
      <DataTable
        label="Booking requests"
        rows={rows}
        columns={columns}
        rowKey={(a) => a.id}
        rowAttributes={() => ({ 'data-testid': 'request-row' })}
      />
      <DeclineDialog appointment={declining} onClose={() => setDeclining(null)} />
    </>
  );
}
