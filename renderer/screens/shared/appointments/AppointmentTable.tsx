import { Box, Link, Table, Text } from '@chakra-ui/react';
import type { Appointment } from '@shared/domain/appointment.schema';
import type { Doctor } from '@shared/domain/doctor.schema';
import type { Patient } from '@shared/domain/patient.schema';
import type { ClinicFormat } from '@renderer/app/clinic-format';
import { PatientCell } from '@renderer/components/PatientCell';
import { TYPE_LABELS } from './appointment-labels';
import { StatusBadge } from './StatusBadge';

export function AppointmentTable({
  appointments,
  doctors,
  patients,
  format,
  onOpen,
  busy = false,
}: {
  appointments: Appointment[];
  doctors: Map<string, Doctor>;
  patients: Map<string, Patient>;
  format: ClinicFormat;
  onOpen: (id: string) => void;
  /** The rows are the previous filters' while the new ones load (screen readers hear it too). */
  busy?: boolean;
}) {
  return (
    <Box bg="bg.panel" borderWidth="1px" borderRadius="lg" overflow="hidden">
      <Table.Root size="sm" interactive aria-label="Appointments" aria-busy={busy}>
        <Table.Header>
          <Table.Row bg="bg.muted">
            <Table.ColumnHeader>When</Table.ColumnHeader>
            <Table.ColumnHeader>Number</Table.ColumnHeader>
            <Table.ColumnHeader>Patient</Table.ColumnHeader>
            <Table.ColumnHeader>Doctor</Table.ColumnHeader>
            <Table.ColumnHeader>Type</Table.ColumnHeader>
            <Table.ColumnHeader>Status</Table.ColumnHeader>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {appointments.map((a) => {
            const patient = patients.get(a.patientId);
            return (
              <Table.Row
                key={a.id}
                cursor="pointer"
                onClick={() => onOpen(a.id)}
                data-testid="appointment-row"
                data-starts-at={a.startsAt}
              >
                <Table.Cell whiteSpace="nowrap">
                  <Text fontWeight="medium">{format.time(a.startsAt)}</Text>
                  <Text color="fg.muted" fontSize="xs">
                    {format.date(a.startsAt)}
                  </Text>
                </Table.Cell>
                <Table.Cell whiteSpace="nowrap">
                  <Link
                    as="button"
                    fontWeight="medium"
                    color="colorPalette.fg"
                    onClick={(e) => {
                      e.stopPropagation();
                      onOpen(a.id);
                    }}
                  >
                    {a.number ?? 'Provisional'}
                  </Link>
                </Table.Cell>
                <PatientCell patient={patient} />
                <Table.Cell>{doctors.get(a.doctorId)?.fullName ?? '…'}</Table.Cell>
                <Table.Cell>{TYPE_LABELS[a.type]}</Table.Cell>
                <Table.Cell>
                  <StatusBadge status={a.status} />
                </Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table.Root>
    </Box>
  );
}
