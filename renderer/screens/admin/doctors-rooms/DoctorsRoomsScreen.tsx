import { Box, Button, SimpleGrid } from '@chakra-ui/react';
import { useMemo, useState } from 'react';
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
import { RoomDialog } from './RoomDialog';
import { DataTable } from '@renderer/components/table/DataTable';
import { doctorColumns, roomColumns } from './doctors-rooms-columns';

const NO_ROOMS: Room[] = [];

/** Doctor profiles (fees, session length, buffers) and rooms (docs/product.md §3). */
export function DoctorsRoomsScreen() {
  const money = useMoney();
  const { doctors, isLoading } = useDoctors();
  const rooms = useApiQuery('rooms.list', {});
  const [doctor, setDoctor] = useState<Doctor | null | undefined>(undefined);
  const [room, setRoom] = useState<Room | null | undefined>(undefined);
  const doctorCols = useMemo(() => doctorColumns(money, setDoctor), [money]);
  const roomCols = useMemo(() => roomColumns(setRoom), []);

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
            <DataTable
              label="Doctors"
              bare
              rows={doctors}
              columns={doctorCols}
              rowKey={(d) => d.id}
              rowAttributes={() => ({ 'data-testid': 'doctor-row' })}
            />
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
          <DataTable
            label="Rooms"
            bare
            rows={rooms.data ?? NO_ROOMS}
            columns={roomCols}
            rowKey={(r) => r.id}
            rowAttributes={() => ({ 'data-testid': 'room-row' })}
          />
        </Panel>
      </SimpleGrid>
      {doctor !== undefined && <DoctorDialog doctor={doctor} onClose={() => setDoctor(undefined)} />}
      {room !== undefined && <RoomDialog room={room} onClose={() => setRoom(undefined)} />}
    </>
  );
}
