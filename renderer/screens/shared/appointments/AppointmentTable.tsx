import { HStack, Link, Text } from '@chakra-ui/react';
import { useMemo } from 'react';
import type { Appointment } from '@shared/domain/appointment.schema';
import type { Doctor } from '@shared/domain/doctor.schema';
import type { Patient } from '@shared/domain/patient.schema';
import type { ClinicFormat } from '@renderer/app/clinic-format';
import { PatientName } from '@renderer/components/PatientCell';
import { type DataColumn, DataTable } from '@renderer/components/table/DataTable';
import { TYPE_LABELS } from './appointment-labels';
import { ChannelBadge } from './ChannelBadge';
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
  const columns = useMemo(
    (): DataColumn<Appointment>[] => [
      {
        id: 'when',
        header: 'When',
        sortBy: (a) => Date.parse(a.startsAt),
        cellProps: { whiteSpace: 'nowrap' },
        cell: (a) => (
          <>
            <Text fontWeight="medium">{format.time(a.startsAt)}</Text>
            <Text color="fg.muted" fontSize="xs">
              {format.date(a.startsAt)}
            </Text>
          </>
        ),
      },
      {
        id: 'number',
        header: 'Number',
        sortBy: (a) => a.number,
        cellProps: { whiteSpace: 'nowrap' },
        cell: (a) => (
          <Link
            as="button"
            fontWeight="medium"
            color="colorPalette.fg"
            tabIndex={-1}
            onClick={(e) => {
              e.stopPropagation();
              onOpen(a.id);
            }}
          >
            {a.number ?? 'Provisional'}
          </Link>
        ),
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
        id: 'type',
        header: 'Type',
        sortBy: (a) => TYPE_LABELS[a.type],
        // Where the booking came from matters only when the patient made it in the app.
        cell: (a) => (
          <HStack gap="2" wrap="wrap">
            <span>{TYPE_LABELS[a.type]}</span>
            {a.bookedVia === 'patient_app' && <ChannelBadge size="xs" />}
          </HStack>
        ),
      },
      {
        id: 'status',
        header: 'Status',
        sortBy: (a) => a.status,
        cell: (a) => <StatusBadge status={a.status} />,
      },
    ],
    [doctors, patients, format, onOpen],
  );
  return (
    <DataTable
      label="Appointments"
      rows={appointments}
      columns={columns}
      rowKey={(a) => a.id}
      onOpen={(a) => onOpen(a.id)}
      rowAttributes={(a) => ({ 'data-testid': 'appointment-row', 'data-starts-at': a.startsAt })}
      busy={busy}
    />
  );
}
