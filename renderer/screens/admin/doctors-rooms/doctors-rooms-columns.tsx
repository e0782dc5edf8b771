import { Badge, Button, Text } from '@chakra-ui/react';
import type { Doctor, Room } from '@shared/domain/doctor.schema';
import type { DataColumn } from '@renderer/components/table/DataTable';
import { ROOM_TYPES } from './RoomDialog';

/** The doctors table's columns: profile, registration, fees, session length, buffers, Edit. */
export function doctorColumns(
  money: (amount: number) => string,
  onEdit: (doctor: Doctor) => void,
): DataColumn<Doctor>[] {
  return [
    {
      id: 'doctor',
      header: 'Doctor',
      sortBy: (d) => d.fullName,
      cell: (d) => (
        <>
          <Text fontWeight="medium">
            {d.fullName}{' '}
            {!d.active && (
              <Badge colorPalette="gray" variant="subtle">
                Inactive
              </Badge>
            )}
          </Text>
          <Text color="fg.muted" fontSize="xs">
            {d.specialization}
            {d.qualification ? ` · ${d.qualification}` : ''}
          </Text>
        </>
      ),
    },
    {
      id: 'registration',
      header: 'Registration',
      sortBy: (d) => d.registrationNumber,
      cell: (d) => d.registrationNumber,
    },
    {
      id: 'fees',
      header: 'Fees (new / follow-up)',
      align: 'end',
      sortBy: (d) => d.fees.newVisit,
      cellProps: { whiteSpace: 'nowrap' },
      cell: (d) => `${money(d.fees.newVisit)} / ${money(d.fees.followUp)}`,
    },
    {
      id: 'session',
      header: 'Session',
      align: 'end',
      sortBy: (d) => d.sessionMinutes,
      cell: (d) => `${d.sessionMinutes} min`,
    },
    {
      id: 'buffers',
      header: 'Buffers',
      cellProps: { whiteSpace: 'nowrap' },
      cell: (d) =>
        d.bufferOverride ? `${d.bufferOverride.before} + ${d.bufferOverride.after} min` : 'Clinic default',
    },
    {
      id: 'actions',
      header: 'Actions',
      headerHidden: true,
      align: 'end',
      cell: (d) => (
        <Button size="xs" variant="ghost" onClick={() => onEdit(d)} aria-label={`Edit ${d.fullName}`}>
          Edit
        </Button>
      ),
    },
  ];
}

/** The rooms table's columns: name and type, status, Edit. */
export function roomColumns(onEdit: (room: Room) => void): DataColumn<Room>[] {
  return [
    {
      id: 'room',
      header: 'Room',
      sortBy: (r) => r.name,
      cell: (r) => (
        <>
          <Text fontWeight="medium">{r.name}</Text>
          <Text color="fg.muted" fontSize="xs">
            {ROOM_TYPES[r.type]}
          </Text>
        </>
      ),
    },
    {
      id: 'status',
      header: 'Status',
      sortBy: (r) => r.status,
      cell: (r) => (
        <Badge colorPalette={r.status === 'available' ? 'green' : 'orange'} variant="subtle">
          {r.status === 'available' ? 'Available' : 'Out of service'}
        </Badge>
      ),
    },
    {
      id: 'actions',
      header: 'Actions',
      headerHidden: true,
      align: 'end',
      cell: (r) => (
        <Button size="xs" variant="ghost" onClick={() => onEdit(r)} aria-label={`Edit ${r.name}`}>
          Edit
        </Button>
      ),
    },
  ];
}
