import { Badge, Box, Button, SimpleGrid, Table, Text } from '@chakra-ui/react';
import { useState } from 'react';
import type { Doctor, Room } from '@shared/domain/doctor.schema';
import { useApiQuery } from '@renderer/api/hooks';
import { useMoney } from '@renderer/components/admin/money';
import { Panel } from '@renderer/components/admin/Panel';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { PlusIcon } from '@renderer/components/icons';
import { ScreenHeader } from '@renderer/components/ScreenHeader';
import { LoadingState } from '@renderer/components/StateViews';
import { useDoctors } from '@renderer/screens/shared/appointments/use-people';
import { DoctorDialog } from './DoctorDialog';
import { ROOM_TYPES, RoomDialog } from './RoomDialog';
import { TablePanel } from '@renderer/components/TablePanel';

/** Doctor profiles (fees, session length, buffers) and rooms (docs/product.md §3). */
export function DoctorsRoomsScreen() {
  const money = useMoney();
  const { doctors, isLoading } = useDoctors();
  const rooms = useApiQuery('rooms.list', {});
  const [doctor, setDoctor] = useState<Doctor | null | undefined>(undefined);
  const [room, setRoom] = useState<Room | null | undefined>(undefined);

  return (
    <>
      <ScreenHeader
        title="Doctors and rooms"
        description="Who consults, for how long and at what fee; where."
      />
      <SimpleGrid columns={{ base: 1, xl: 3 }} gap="5">
        <Box gridColumn={{ xl: 'span 2' }}>
          <Panel
            title="Doctors"
            actions={
              <Button size="sm" onClick={() => setDoctor(null)}>
                <PlusIcon /> New doctor
              </Button>
            }
          >
            {isLoading && <LoadingState label="Loading doctors…" />}
            <TablePanel label="Doctors" bare>
              <Table.Root size="sm" aria-label="Doctors">
                <Table.Header>
                  <Table.Row>
                    <Table.ColumnHeader>Doctor</Table.ColumnHeader>
                    <Table.ColumnHeader>Registration</Table.ColumnHeader>
                    <Table.ColumnHeader textAlign="end">Fees (new / follow-up)</Table.ColumnHeader>
                    <Table.ColumnHeader textAlign="end">Session</Table.ColumnHeader>
                    <Table.ColumnHeader>Buffers</Table.ColumnHeader>
                    <Table.ColumnHeader>
                      <Text srOnly>Actions</Text>
                    </Table.ColumnHeader>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {doctors.map((d) => (
                    <Table.Row key={d.id} data-testid="doctor-row">
                      <Table.Cell>
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
                      </Table.Cell>
                      <Table.Cell>{d.registrationNumber}</Table.Cell>
                      <Table.Cell textAlign="end" whiteSpace="nowrap">
                        {money(d.fees.newVisit)} / {money(d.fees.followUp)}
                      </Table.Cell>
                      <Table.Cell textAlign="end">{d.sessionMinutes} min</Table.Cell>
                      <Table.Cell whiteSpace="nowrap">
                        {d.bufferOverride
                          ? `${d.bufferOverride.before} + ${d.bufferOverride.after} min`
                          : 'Clinic default'}
                      </Table.Cell>
                      <Table.Cell textAlign="end">
                        <Button
                          size="xs"
                          variant="ghost"
                          onClick={() => setDoctor(d)}
                          aria-label={`Edit ${d.fullName}`}
                        >
                          Edit
                        </Button>
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table.Root>
            </TablePanel>
          </Panel>
        </Box>
        <Panel
          title="Rooms"
          actions={
            <Button size="sm" onClick={() => setRoom(null)}>
              <PlusIcon /> New room
            </Button>
          }
        >
          <ErrorMessage error={rooms.error} />
          {rooms.isLoading && <LoadingState label="Loading rooms…" />}
          <Table.Root size="sm" aria-label="Rooms">
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeader>Room</Table.ColumnHeader>
                <Table.ColumnHeader>Status</Table.ColumnHeader>
                <Table.ColumnHeader>
                  <Text srOnly>Actions</Text>
                </Table.ColumnHeader>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {(rooms.data ?? []).map((r) => (
                <Table.Row key={r.id} data-testid="room-row">
                  <Table.Cell>
                    <Text fontWeight="medium">{r.name}</Text>
                    <Text color="fg.muted" fontSize="xs">
                      {ROOM_TYPES[r.type]}
                    </Text>
                  </Table.Cell>
                  <Table.Cell>
                    <Badge colorPalette={r.status === 'available' ? 'green' : 'orange'} variant="subtle">
                      {r.status === 'available' ? 'Available' : 'Out of service'}
                    </Badge>
                  </Table.Cell>
                  <Table.Cell textAlign="end">
                    <Button
                      size="xs"
                      variant="ghost"
                      onClick={() => setRoom(r)}
                      aria-label={`Edit ${r.name}`}
                    >
                      Edit
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table.Root>
        </Panel>
      </SimpleGrid>
      {doctor !== undefined && <DoctorDialog doctor={doctor} onClose={() => setDoctor(undefined)} />}
      {room !== undefined && <RoomDialog room={room} onClose={() => setRoom(undefined)} />}
    </>
  );
}
