import { Button, Flex, HStack, Switch, Text, Wrap } from '@chakra-ui/react';
import { useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import type { Appointment } from '@shared/domain/appointment.schema';
import { useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { PlusIcon } from '@renderer/components/icons';
import { ScreenHeader } from '@renderer/components/ScreenHeader';
import { EmptyState, LoadingState } from '@renderer/components/StateViews';
import { AppointmentDrawer } from '@renderer/screens/shared/appointments/AppointmentDrawer';
import { STATUS_OPTIONS } from '@renderer/screens/shared/appointments/appointment-labels';
import { StatusBadge } from '@renderer/screens/shared/appointments/StatusBadge';
import { usePatients } from '@renderer/screens/shared/appointments/use-people';
import { BoardScroller } from './BoardScroller';
import { DoctorColumn } from './DoctorColumn';
import { useBoardSlots } from './use-board-slots';
import { DateField } from '@renderer/components/DateField';

/**
 * Reception home (docs/product.md §4, §13): every active doctor side by side with today's appointments in
 * time order, coloured by status, and the free slots; other desktops' changes appear live.
 */
export function TodayScreen() {
  const format = useClinicFormat();
  const today = format.today();
  const [params, setParams] = useSearchParams();
  const date = params.get('date') ?? today;
  const setDate = (value: string) =>
    setParams(value && value !== today ? { date: value } : {}, { replace: true });
  const [showFree, setShowFree] = useState(true);
  const [openId, setOpenId] = useState<string | null>(null);
  const doctors = useApiQuery('doctors.list', {});
  const appointments = useApiQuery('appointments.list', { fromDate: date, toDate: date, limit: 500 });
  const all = appointments.data?.items ?? [];
  const patients = usePatients(all.map((a) => a.patientId));
  const byDoctor = new Map<string, Appointment[]>();
  for (const a of all) byDoctor.set(a.doctorId, [...(byDoctor.get(a.doctorId) ?? []), a]);
  const activeDoctors = [...(doctors.data ?? [])]
    .filter((d) => d.active)
    .sort((a, b) => a.fullName.localeCompare(b.fullName));
  const slots = useBoardSlots(
    activeDoctors.map((d) => d.id),
    date,
  );

  return (
    <>
      <ScreenHeader
        title="Today"
        description={`${date === today ? 'Today, ' : ''}${format.date(date)} · ${all.filter((a) => a.status !== 'CANCELLED').length} appointments`}
        actions={
          <Button asChild>
            <RouterLink to="/book">
              <PlusIcon /> Book (Alt+N)
            </RouterLink>
          </Button>
        }
      />
      <Flex gap="4" mb="4" align="center" wrap="wrap" justify="space-between">
        <Wrap gap="2" aria-label="Status colours">
          {STATUS_OPTIONS.map((o) => (
            <StatusBadge key={o.value} status={o.value} />
          ))}
        </Wrap>
        <HStack gap="3">
          <DateField
            label="Board date"
            horizontal
            size="sm"
            value={date}
            onChange={(value, valid) => valid && value && setDate(value)}
          />
          {date !== today && (
            <Button size="sm" variant="outline" onClick={() => setDate(today)}>
              Back to today
            </Button>
          )}
          <Switch.Root checked={showFree} onCheckedChange={(e) => setShowFree(e.checked)} size="sm">
            <Switch.HiddenInput />
            <Switch.Control />
            <Switch.Label whiteSpace="nowrap">Show free slots</Switch.Label>
          </Switch.Root>
        </HStack>
      </Flex>
      <ErrorMessage error={doctors.error ?? appointments.error ?? slots.error} />
      {doctors.isLoading || appointments.isLoading ? (
        <LoadingState label="Loading today’s board…" />
      ) : activeDoctors.length === 0 ? (
        <EmptyState
          title="No active doctors"
          description="An administrator adds doctors and their schedules."
        />
      ) : (
        <BoardScroller>
          {activeDoctors.map((doctor) => (
            <DoctorColumn
              key={doctor.id}
              doctor={doctor}
              date={date}
              appointments={byDoctor.get(doctor.id) ?? []}
              day={slots.days.get(doctor.id)}
              slotsLoading={slots.isLoading}
              patients={patients}
              format={format}
              showFree={showFree}
              onOpen={setOpenId}
            />
          ))}
        </BoardScroller>
      )}
      {all.some((a) => !activeDoctors.some((d) => d.id === a.doctorId)) && (
        <Text mt="3" fontSize="sm" color="fg.muted">
          Some appointments belong to doctors who are no longer active; find them under Appointments.
        </Text>
      )}
      <AppointmentDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
