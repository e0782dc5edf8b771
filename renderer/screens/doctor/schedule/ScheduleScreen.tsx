import { Box, Button, ButtonGroup, Heading, HStack, Link, Stack, Text } from '@chakra-ui/react';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import type { Appointment } from '@shared/domain/appointment.schema';
import { useApiClient } from '@renderer/api/ApiProvider';
import { apiKey, useApiQuery } from '@renderer/api/hooks';
import { type ClinicFormat, useClinicFormat } from '@renderer/app/clinic-format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { ScreenHeader } from '@renderer/components/ScreenHeader';
import { LoadingState } from '@renderer/components/StateViews';
import { TYPE_LABELS } from '@renderer/screens/shared/appointments/appointment-labels';
import { StatusBadge } from '@renderer/screens/shared/appointments/StatusBadge';
import { usePatients } from '@renderer/screens/shared/appointments/use-people';
import { NotLinked } from '@renderer/screens/doctor/common/NotLinked';
import { useMyDoctorId } from '@renderer/screens/doctor/common/use-my-doctor';
import { MyLeave } from './MyLeave';
import { addDays, daysOf } from './schedule-dates';

/** The doctor's own appointments and working windows by day or week, and their leave (docs/product.md §3). */
export function ScheduleScreen() {
  const doctorId = useMyDoctorId();
  const format = useClinicFormat();
  const [view, setView] = useState<'day' | 'week'>('week');
  const [date, setDate] = useState(() => format.today());
  const days = daysOf(view, date);
  const step = view === 'day' ? 1 : 7;

  return (
    <>
      <ScreenHeader
        title="My schedule"
        description={
          view === 'day'
            ? format.date(date)
            : `${format.date(days[0] ?? date)} – ${format.date(days[days.length - 1] ?? date)}`
        }
        actions={
          <>
            <ButtonGroup size="sm" variant="outline" attached>
              <Button
                aria-pressed={view === 'day'}
                variant={view === 'day' ? 'solid' : 'outline'}
                onClick={() => setView('day')}
              >
                Day
              </Button>
              <Button
                aria-pressed={view === 'week'}
                variant={view === 'week' ? 'solid' : 'outline'}
                onClick={() => setView('week')}
              >
                Week
              </Button>
            </ButtonGroup>
            <Button size="sm" variant="outline" onClick={() => setDate(addDays(date, -step))}>
              Previous
            </Button>
            <Button size="sm" variant="outline" onClick={() => setDate(format.today())}>
              Today
            </Button>
            <Button size="sm" variant="outline" onClick={() => setDate(addDays(date, step))}>
              Next
            </Button>
          </>
        }
      />
      {doctorId ? (
        <Stack gap="5">
          <Days doctorId={doctorId} days={days} format={format} />
          <MyLeave doctorId={doctorId} />
        </Stack>
      ) : (
        <NotLinked />
      )}
    </>
  );
}

function Days({ doctorId, days, format }: { doctorId: string; days: string[]; format: ClinicFormat }) {
  const client = useApiClient();
  const fromDate = days[0]!;
  const toDate = days[days.length - 1]!;
  const list = useApiQuery('appointments.list', { doctorId, fromDate, toDate, limit: 500 });
  const windows = useQueries({
    queries: days.map((date) => ({
      queryKey: apiKey('schedules.windowsOn', { doctorId, date }),
      queryFn: () => client.call('schedules.windowsOn', { doctorId, date }),
    })),
  });
  const appointments = (list.data?.items ?? []).filter((a) => a.status !== 'CANCELLED');
  const patients = usePatients(appointments.map((a) => a.patientId));
  const today = format.today();

  if (list.isLoading) return <LoadingState label="Loading your schedule…" />;
  return (
    <Stack gap="3">
      <ErrorMessage error={list.error} />
      {days.map((date, i) => {
        const w = windows[i];
        const dayAppointments = appointments
          .filter((a) => format.clinicDate(a.startsAt) === date)
          .sort((x, y) => x.startsAt.localeCompare(y.startsAt));
        return (
          <Box
            key={date}
            as="section"
            aria-label={format.date(date)}
            bg="bg.panel"
            borderWidth="1px"
            borderColor={date === today ? 'colorPalette.solid' : 'border'}
            borderRadius="lg"
            p="3"
            data-testid="schedule-day"
          >
            <HStack justify="space-between" wrap="wrap" mb={dayAppointments.length ? '2' : '0'}>
              <Heading as="h2" size="sm">
                {format.date(date)}
                {date === today && ' (today)'}
              </Heading>
              <Text color="fg.muted" fontSize="sm">
                {w?.isLoading
                  ? 'Loading hours…'
                  : w?.data && w.data.length > 0
                    ? `Working ${w.data.map((x) => `${x.start}–${x.end}`).join(', ')}`
                    : 'Not working'}{' '}
                · {dayAppointments.length} appointment{dayAppointments.length === 1 ? '' : 's'}
              </Text>
            </HStack>
            <Stack gap="1">
              {dayAppointments.map((a) => (
                <AppointmentLine
                  key={a.id}
                  a={a}
                  patient={patients.get(a.patientId)?.fullName}
                  format={format}
                />
              ))}
            </Stack>
          </Box>
        );
      })}
    </Stack>
  );
}

function AppointmentLine({ a, patient, format }: { a: Appointment; patient?: string; format: ClinicFormat }) {
  const hasRecord = a.status === 'CHECKED_IN' || a.status === 'COMPLETED';
  return (
    <HStack gap="3" fontSize="sm" data-testid="schedule-appointment">
      <Text fontWeight="medium" minW="3.5rem">
        {format.time(a.startsAt)}
      </Text>
      {hasRecord ? (
        <Link asChild color="colorPalette.fg">
          <RouterLink to={`/consultation/${a.id}`}>{patient ?? '…'}</RouterLink>
        </Link>
      ) : (
        <Text>{patient ?? '…'}</Text>
      )}
      <Text color="fg.muted">{TYPE_LABELS[a.type]}</Text>
      <StatusBadge status={a.status} />
    </HStack>
  );
}
