import { Field, Stack } from '@chakra-ui/react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Appointment } from '@shared/domain/appointment.schema';
import { useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { Panel } from '@renderer/components/admin/Panel';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { ScreenHeader } from '@renderer/components/ScreenHeader';
import { EmptyState, LoadingState } from '@renderer/components/StateViews';
import { useDoctors } from '@renderer/screens/shared/appointments/use-people';
import { DoctorSelect } from '@renderer/components/DoctorSelect';
import { BulkReschedule } from './BulkReschedule';
import { ExceptionForm } from './ExceptionForm';
import { ExceptionList } from './ExceptionList';
import { LeaveRequestsPanel } from './LeaveRequestsPanel';
import { WeeklyEditor } from './WeeklyEditor';

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Doctors' weekly schedules, leave and extra hours, for reception and admin (docs/product.md §3). */
export function SchedulesScreen() {
  const format = useClinicFormat();
  const today = format.today();
  const { doctors, isLoading } = useDoctors();
  const active = doctors.filter((d) => d.active);
  const [params, setParams] = useSearchParams();
  const doctorId = params.get('doctor') ?? active[0]?.id ?? null;
  const doctor = doctors.find((d) => d.id === doctorId);
  const [collided, setCollided] = useState<Appointment[]>([]);
  const schedule = useApiQuery(
    'schedules.get',
    { doctorId: doctorId ?? '', fromDate: today, toDate: addDays(today, 120) },
    { enabled: doctorId !== null },
  );

  return (
    <>
      <ScreenHeader title="Schedules" description="Doctors' weekly hours, leave and extra hours." />
      <LeaveRequestsPanel />
      <Field.Root maxW="24rem" mb="4">
        <Field.Label>Doctor</Field.Label>
        <DoctorSelect
          size="sm"
          doctors={active}
          value={doctorId ?? ''}
          onChange={(e) => {
            setCollided([]);
            setParams({ doctor: e.target.value }, { replace: true });
          }}
        />
      </Field.Root>
      {isLoading && <LoadingState label="Loading doctors…" />}
      {!isLoading && !doctor && <EmptyState title="No active doctors" description="Add a doctor first." />}
      <ErrorMessage error={schedule.error} />
      {doctor && schedule.isLoading && <LoadingState label="Loading the schedule…" />}
      {doctor && schedule.data && (
        <Stack gap="5">
          <WeeklyEditor
            key={doctor.id}
            doctorId={doctor.id}
            doctorName={doctor.fullName}
            saved={schedule.data.schedule.windows}
            onCollisions={setCollided}
          />
          {collided.length > 0 && <BulkReschedule appointments={collided} onDone={() => setCollided([])} />}
          <Panel title="Leave and extra hours">
            <Stack gap="4">
              <ExceptionList exceptions={schedule.data.exceptions} />
              <ExceptionForm key={doctor.id} doctorId={doctor.id} today={today} />
            </Stack>
          </Panel>
        </Stack>
      )}
    </>
  );
}
