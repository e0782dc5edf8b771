import { Badge, Button, Text } from '@chakra-ui/react';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import type { Appointment } from '@shared/domain/appointment.schema';
import type { Vitals } from '@shared/domain/consultation.schema';
import { useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { PatientName } from '@renderer/components/PatientCell';
import { ScreenHeader } from '@renderer/components/ScreenHeader';
import { EmptyState, LoadingState } from '@renderer/components/StateViews';
import { type DataColumn, DataTable } from '@renderer/components/table/DataTable';
import { useDoctors, usePatients } from '@renderer/screens/shared/appointments/use-people';
import { useTemperatureUnit } from '@renderer/screens/shared/vitals/use-temperature-unit';
import { VitalsReadings } from '@renderer/screens/shared/vitals/VitalFlags';
import { VitalsDialog } from './VitalsDialog';

/** Today's checked-in patients, for the nurse to record their vitals before the doctor sees them. */
export function VitalsScreen() {
  const format = useClinicFormat();
  const { unit } = useTemperatureUnit();
  const today = format.today();
  const list = useApiQuery('appointments.list', {
    statuses: ['CHECKED_IN'],
    fromDate: today,
    toDate: today,
    limit: 200,
  });
  const rows = [...(list.data?.items ?? [])].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const patients = usePatients(rows.map((a) => a.patientId));
  const { byId: doctors } = useDoctors();
  const appointmentIds = rows.map((a) => a.id);
  const taken = useApiQuery(
    'consultations.vitals',
    { appointmentIds },
    // While a new list's readings load, the last ones stay (a row must not look untaken).
    { enabled: appointmentIds.length > 0, placeholderData: keepPreviousData },
  );
  const recorded = new Map<string, Vitals>(
    (taken.data ?? []).map((entry) => [entry.appointmentId, entry.vitals]),
  );
  const [recording, setRecording] = useState<Appointment | null>(null);
  const columns: DataColumn<Appointment>[] = [
    {
      id: 'time',
      header: 'Time',
      sortBy: (a) => Date.parse(a.startsAt),
      cellProps: { whiteSpace: 'nowrap' },
      cell: (a) => format.time(a.startsAt),
    },
    {
      id: 'patient',
      header: 'Patient',
      sortBy: (a) => patients.get(a.patientId)?.fullName,
      cell: (a) => <PatientName patient={patients.get(a.patientId)} />,
    },
    {
      id: 'doctor',
      header: 'Doctor',
      sortBy: (a) => doctors.get(a.doctorId)?.fullName,
      cell: (a) => doctors.get(a.doctorId)?.fullName ?? '…',
    },
    {
      id: 'vitals',
      header: 'Vitals',
      sortBy: (a) => (recorded.has(a.id) ? 1 : 0),
      cellProps: { 'data-testid': 'vitals-taken' },
      cell: (a) => {
        const vitals = recorded.get(a.id);
        return vitals ? (
          <>
            <Badge colorPalette="green" variant="subtle" me="2">
              Recorded
            </Badge>
            <VitalsReadings vitals={vitals} unit={unit} />
          </>
        ) : (
          <Text as="span" color="fg.muted" fontSize="sm">
            {taken.isLoading ? '…' : 'Not taken yet'}
          </Text>
        );
      },
    },
    {
      id: 'actions',
      header: 'Actions',
      headerHidden: true,
      align: 'end',
      cellProps: { whiteSpace: 'nowrap' },
      cell: (a) => {
        const vitals = recorded.get(a.id);
        const name = patients.get(a.patientId)?.fullName ?? 'the patient';
        return (
          <Button
            size="xs"
            variant={vitals ? 'outline' : 'solid'}
            onClick={() => setRecording(a)}
            aria-label={`${vitals ? 'Correct' : 'Record'} vitals for ${name}`}
          >
            {vitals ? 'Correct' : 'Record vitals'}
          </Button>
        );
      },
    },
  ];

  return (
    <>
      <ScreenHeader
        title="Vitals"
        description="Patients checked in today: record their vitals before the doctor sees them."
      />
      <ErrorMessage error={list.error ?? taken.error} />
      {list.isLoading ? (
        <LoadingState label="Loading checked-in patients…" />
      ) : rows.length === 0 && !list.error ? (
        <EmptyState
          title="Nobody is checked in"
          description="Patients appear here once reception checks them in."
        />
      ) : (
        <DataTable
          label="Checked-in patients"
          rows={rows}
          columns={columns}
          rowKey={(a) => a.id}
          rowAttributes={(a) => ({ 'data-testid': 'vitals-row', 'data-appointment-id': a.id })}
        />
      )}
      <VitalsDialog
        appointment={recording}
        patientName={recording ? patients.get(recording.patientId)?.fullName : undefined}
        current={recording ? (recorded.get(recording.id) ?? null) : null}
        onClose={() => setRecording(null)}
      />
    </>
  );
}
