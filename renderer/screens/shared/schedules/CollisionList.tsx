import { Table, Text } from '@chakra-ui/react';
import { useEffect, useRef } from 'react';
import type { Appointment } from '@shared/domain/appointment.schema';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { StatusBadge } from '@renderer/screens/shared/appointments/StatusBadge';
import { usePatients } from '@renderer/screens/shared/appointments/use-people';

/** Booked appointments a schedule change leaves outside working time, with an optional proposed time. */
export function CollisionList({
  appointments,
  proposals,
}: {
  appointments: Appointment[];
  proposals?: Map<string, string | null>;
}) {
  const format = useClinicFormat();
  const patients = usePatients(appointments.map((a) => a.patientId));
  // Shown in answer to an action: brought into view, wherever the page was scrolled.
  const ref = useRef<HTMLTableElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  return (
    <Table.Root ref={ref} size="sm" aria-label="Affected appointments" data-testid="collision-list">
      <Table.Header>
        <Table.Row>
          <Table.ColumnHeader>When</Table.ColumnHeader>
          <Table.ColumnHeader>Number</Table.ColumnHeader>
          <Table.ColumnHeader>Patient</Table.ColumnHeader>
          <Table.ColumnHeader>Status</Table.ColumnHeader>
          {proposals && <Table.ColumnHeader>New time</Table.ColumnHeader>}
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {appointments.map((a) => {
          const proposal = proposals?.get(a.id);
          return (
            <Table.Row key={a.id}>
              <Table.Cell whiteSpace="nowrap">{format.dateTime(a.startsAt)}</Table.Cell>
              <Table.Cell>{a.number ?? 'Provisional'}</Table.Cell>
              <Table.Cell>{patients.get(a.patientId)?.fullName ?? '…'}</Table.Cell>
              <Table.Cell>
                <StatusBadge status={a.status} />
              </Table.Cell>
              {proposals && (
                <Table.Cell whiteSpace="nowrap">
                  {proposal ? format.dateTime(proposal) : <Text color="fg.error">No free slot found</Text>}
                </Table.Cell>
              )}
            </Table.Row>
          );
        })}
      </Table.Body>
    </Table.Root>
  );
}
