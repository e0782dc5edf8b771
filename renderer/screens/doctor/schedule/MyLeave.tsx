import { Stack, Text } from '@chakra-ui/react';
import type { ScheduleException } from '@shared/domain/schedule.schema';
import { useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat, useClinicSettings } from '@renderer/app/clinic-format';
import { Panel } from '@renderer/components/admin/Panel';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { ExceptionForm } from '@renderer/screens/shared/schedules/ExceptionForm';
import { ExceptionList } from '@renderer/screens/shared/schedules/ExceptionList';
import { LeaveRequestForm } from './LeaveRequestForm';
import { MyLeaveRequests } from './MyLeaveRequests';
import { addDays } from './schedule-dates';

/**
 * A doctor's own leave (setting `doctorLeave`): marked here, with the bookings it strands moved
 * right away; requested here where the clinic approves leave; or, where the clinic keeps leave
 * with the front desk, a note saying so.
 */
export function MyLeave({ doctorId }: { doctorId: string }) {
  const format = useClinicFormat();
  const today = format.today();
  const settings = useClinicSettings();
  const schedule = useApiQuery('schedules.get', { doctorId, fromDate: today, toDate: addDays(today, 120) });
  if (!settings.data || !schedule.data) return <ErrorMessage error={settings.error ?? schedule.error} />;
  const exceptions = schedule.data.exceptions;
  if (settings.data.doctorLeave === 'doctorsRequest')
    return <LeaveRequests today={today} exceptions={exceptions} />;
  if (settings.data.doctorLeave !== 'doctors') {
    return (
      <Panel title="My leave">
        <Stack gap="3">
          <ExceptionList exceptions={exceptions} readOnly />
          <Text color="fg.muted">The front desk puts leave in the schedule: please ask them.</Text>
        </Stack>
      </Panel>
    );
  }
  return (
    <Panel title="My leave">
      <Stack gap="4">
        <ExceptionList exceptions={exceptions} readOnly={(e) => e.kind !== 'leave'} />
        <ExceptionForm doctorId={doctorId} today={today} leaveOnly />
      </Stack>
    </Panel>
  );
}

/** Where the clinic approves leave: the doctor's leave as scheduled, their requests and a new one. */
function LeaveRequests({ today, exceptions }: { today: string; exceptions: ScheduleException[] }) {
  // Decisions are not synced changes (no live update): look again now and then.
  const requests = useApiQuery('leave.list', {}, { refetchInterval: 15_000 });
  return (
    <Panel title="My leave">
      <Stack gap="4">
        <ExceptionList exceptions={exceptions} readOnly />
        <ErrorMessage error={requests.error} />
        {requests.data && <MyLeaveRequests requests={requests.data} />}
        <LeaveRequestForm today={today} />
      </Stack>
    </Panel>
  );
}
