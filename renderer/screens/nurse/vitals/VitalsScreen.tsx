import { Badge, Button, Table, Text } from '@chakra-ui/react';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import type { Appointment } from '@shared/domain/appointment.schema';
import type { Vitals } from '@shared/domain/consultation.schema';
import { useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { PatientCell } from '@renderer/components/PatientCell';
import { ScreenHeader } from '@renderer/components/ScreenHeader';
import { EmptyState, LoadingState } from '@renderer/components/StateViews';
import { TablePanel } from '@renderer/components/TablePanel';
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
        <TablePanel label="Checked-in patients">
          <Table.Root size="sm" aria-label="Checked-in patients">
            <Table.Header>
              <Table.Row bg="bg.muted">
                <Table.ColumnHeader>Time</Table.ColumnHeader>
                <Table.ColumnHeader>Patient</Table.ColumnHeader>
                <Table.ColumnHeader>Doctor</Table.ColumnHeader>
                <Table.ColumnHeader>Vitals</Table.ColumnHeader>
                <Table.ColumnHeader>
                  <Text srOnly>Actions</Text>
                </Table.ColumnHeader>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((a) => {
                const patient = patients.get(a.patientId);
                const name = patient?.fullName ?? 'the patient';
                const vitals = recorded.get(a.id);
                return (
                  <Table.Row key={a.id} data-testid="vitals-row" data-appointment-id={a.id}>
                    <Table.Cell whiteSpace="nowrap">{format.time(a.startsAt)}</Table.Cell>
                    <PatientCell patient={patient} />
                    <Table.Cell>{doctors.get(a.doctorId)?.fullName ?? '…'}</Table.Cell>
                    <Table.Cell data-testid="vitals-taken">
                      {vitals ? (
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
                      )}
                    </Table.Cell>
                    <Table.Cell textAlign="end" whiteSpace="nowrap">
                      <Button
                        size="xs"
                        variant={vitals ? 'outline' : 'solid'}
                        onClick={() => setRecording(a)}
                        aria-label={`${vitals ? 'Correct' : 'Record'} vitals for ${name}`}
                      >
                        {vitals ? 'Correct' : 'Record vitals'}
                      </Button>
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table.Root>
        </TablePanel>
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
