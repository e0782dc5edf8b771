import { Button, HStack } from '@chakra-ui/react';
import { useState } from 'react';
import type { Appointment } from '@shared/domain/appointment.schema';
import { useApiMutation, useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { PatientName } from '@renderer/components/PatientCell';
import { ScreenHeader } from '@renderer/components/ScreenHeader';
import { EmptyState, LoadingState } from '@renderer/components/StateViews';
import { notifyError, toaster } from '@renderer/components/toaster';
import { MODE_LABELS, TYPE_LABELS } from '@renderer/screens/shared/appointments/appointment-labels';
import { usePatients } from '@renderer/screens/shared/appointments/use-people';
import { NotLinked } from '@renderer/screens/doctor/common/NotLinked';
import { useMyDoctorId } from '@renderer/screens/doctor/common/use-my-doctor';
import { DeclineDialog } from './DeclineDialog';
import { type DataColumn, DataTable } from '@renderer/components/table/DataTable';

/** Booking requests waiting for this doctor's answer (docs/product.md §4, §5): confirm, or decline with a reason. */
export function RequestsScreen() {
  const doctorId = useMyDoctorId();
  return (
    <>
      <ScreenHeader
        title="Requests"
        description="Bookings waiting for your answer: confirm, or decline with a reason."
      />
      {doctorId ? <Requests doctorId={doctorId} /> : <NotLinked />}
    </>
  );
}

function Requests({ doctorId }: { doctorId: string }) {
  const format = useClinicFormat();
  const settings = useApiQuery('settings.get', {}, { staleTime: 5 * 60_000 });
  const list = useApiQuery('appointments.list', {
    doctorId,
    statuses: ['REQUESTED'],
    fromDate: format.today(),
    limit: 200,
  });
  const rows = list.data?.items ?? [];
  const patients = usePatients(rows.map((a) => a.patientId));
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
    {
      id: 'visit',
      header: 'Visit',
      sortBy: (a) => TYPE_LABELS[a.type],
      cell: (a) => `${TYPE_LABELS[a.type]} · ${MODE_LABELS[a.mode]}`,
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
          <Button
            size="xs"
            variant="outline"
            colorPalette="red"
            onClick={() => setDeclining(a)}
            aria-label={`Decline ${a.number ?? 'appointment'}`}
          >
            Decline
          </Button>
        </HStack>
      ),
    },
  ];

  if (list.isLoading) return <LoadingState label="Loading requests…" />;
  if (list.error) return <ErrorMessage error={list.error} />;
  if (rows.length === 0) {
    return (
      <EmptyState
        title="No requests waiting"
        description={
          settings.data && !settings.data.bookingNeedsConfirmation
            ? 'The clinic confirms bookings at once, so requests rarely need your answer.'
            : 'New booking requests for you appear here.'
        }
      />
    );
  }
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
