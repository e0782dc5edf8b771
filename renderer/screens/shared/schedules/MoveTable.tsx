import { Input, NativeSelect, Table } from '@chakra-ui/react';
import type { Appointment } from '@shared/domain/appointment.schema';
import type { Doctor } from '@shared/domain/doctor.schema';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { usePatients } from '@renderer/screens/shared/appointments/use-people';
import type { MoveRow } from './move-proposals';
import { DateField } from '@renderer/components/DateField';

/**
 * The stranded bookings, each with an editable new date and time and, where the patient agrees,
 * another doctor of the same specialization.
 */
export function MoveTable({
  appointments,
  rows,
  doctors,
  onChange,
}: {
  appointments: readonly Appointment[];
  rows: readonly MoveRow[];
  doctors: readonly Doctor[];
  onChange: (row: MoveRow) => void;
}) {
  const format = useClinicFormat();
  const patients = usePatients(appointments.map((a) => a.patientId));
  return (
    <Table.ScrollArea borderWidth="1px" borderRadius="md">
      <Table.Root size="sm" aria-label="New times" data-testid="move-table">
        <Table.Header>
          <Table.Row>
            <Table.ColumnHeader>Booked for</Table.ColumnHeader>
            <Table.ColumnHeader>Patient</Table.ColumnHeader>
            <Table.ColumnHeader>New date</Table.ColumnHeader>
            <Table.ColumnHeader>New time</Table.ColumnHeader>
            <Table.ColumnHeader>Doctor (if the patient agrees)</Table.ColumnHeader>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((row) => {
            const a = appointments.find((x) => x.id === row.appointmentId);
            if (!a) return null;
            const name = patients.get(a.patientId)?.fullName ?? '…';
            const own = doctors.find((d) => d.id === a.doctorId);
            const colleagues = doctors.filter(
              (d) => d.id === a.doctorId || (d.active && d.specialization === own?.specialization),
            );
            return (
              <Table.Row key={row.appointmentId} data-testid="move-row">
                <Table.Cell whiteSpace="nowrap">{format.dateTime(a.startsAt)}</Table.Cell>
                <Table.Cell>{name}</Table.Cell>
                <Table.Cell>
                  <DateField
                    size="sm"
                    labelHidden
                    label={`New date for ${name}`}
                    value={row.date}
                    onChange={(value) => onChange({ ...row, date: value })}
                  />
                </Table.Cell>
                <Table.Cell>
                  <Input
                    size="sm"
                    type="time"
                    step={300}
                    aria-label={`New time for ${name}`}
                    value={row.time}
                    onChange={(e) => onChange({ ...row, time: e.target.value })}
                  />
                </Table.Cell>
                <Table.Cell>
                  <NativeSelect.Root size="sm">
                    <NativeSelect.Field
                      aria-label={`Doctor for ${name}`}
                      value={row.doctorId}
                      onChange={(e) => onChange({ ...row, doctorId: e.target.value })}
                    >
                      {colleagues.map((d) => (
                        <option key={d.id} value={d.id}>
                          {d.fullName}
                        </option>
                      ))}
                    </NativeSelect.Field>
                    <NativeSelect.Indicator />
                  </NativeSelect.Root>
                </Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table.Root>
    </Table.ScrollArea>
  );
}
