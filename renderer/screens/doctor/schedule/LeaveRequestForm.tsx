import { Button, Input, SimpleGrid, Stack, Text } from '@chakra-ui/react';
import { useState } from 'react';
import { leaveRequestDetailsSchema } from '@shared/domain/leave-request.schema';
import { useApiMutation } from '@renderer/api/hooks';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { DateField } from '@renderer/components/DateField';
import { FormField } from '@renderer/components/FormField';
import { TimeWindowFields, WholeDayCheckbox } from '@renderer/screens/shared/schedules/DayPartFields';
import { toaster } from '@renderer/components/toaster';

interface Draft {
  fromDate: string;
  toDate: string;
  wholeDay: boolean;
  start: string;
  end: string;
  reason: string;
}

/**
 * A doctor asks for leave (setting `doctorLeave: 'doctorsRequest'`): whole days, or part of one
 * date. Reception or admin decides; the reason is read by them only.
 */
export function LeaveRequestForm({ today }: { today: string }) {
  const [draft, setDraft] = useState<Draft>({
    fromDate: today,
    toDate: today,
    wholeDay: true,
    start: '09:00',
    end: '13:00',
    reason: '',
  });
  const [problem, setProblem] = useState<string | null>(null);
  const send = useApiMutation('leave.request', {
    onSuccess: () => {
      toaster.create({ type: 'success', title: 'Leave requested: the front desk will decide' });
      setDraft((d) => ({ ...d, reason: '' }));
    },
  });
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => {
      const next = { ...d, ...patch };
      // Moving the first day past the last moves the last day along.
      const isDate = (d: string | undefined) => !!d && /^\d{4}-\d{2}-\d{2}$/.test(d);
      if (isDate(patch.fromDate) && isDate(next.toDate) && next.toDate < patch.fromDate!)
        next.toDate = patch.fromDate!;
      return next;
    });
    send.reset();
    setProblem(null);
  };
  const oneDay = draft.fromDate === draft.toDate;
  const submit = () => {
    const parsed = leaveRequestDetailsSchema.safeParse({
      fromDate: draft.fromDate,
      toDate: draft.toDate,
      window: draft.wholeDay || !oneDay ? null : { start: draft.start, end: draft.end },
      reason: draft.reason,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      setProblem(`${issue.path.join('.') || 'request'}: ${issue.message}`);
      return;
    }
    send.mutate({ id: crypto.randomUUID(), details: parsed.data });
  };

  return (
    <form
      aria-label="Request leave"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="3">
        <SimpleGrid columns={{ base: 2, lg: 4 }} gap="3" alignItems="end">
          <DateField
            label="First day"
            required
            size="sm"
            min={today}
            value={draft.fromDate}
            onChange={(fromDate) => set({ fromDate })}
          />
          <DateField
            label="Last day"
            required
            size="sm"
            min={draft.fromDate}
            value={draft.toDate}
            onChange={(toDate) => set({ toDate })}
          />
          {oneDay && <WholeDayCheckbox checked={draft.wholeDay} onChange={(wholeDay) => set({ wholeDay })} />}
        </SimpleGrid>
        <SimpleGrid columns={{ base: 2, lg: 4 }} gap="3" alignItems="end">
          {oneDay && !draft.wholeDay && (
            <TimeWindowFields start={draft.start} end={draft.end} onChange={set} />
          )}
          <FormField label="Reason" helper="Read by reception and admin only">
            <Input size="sm" value={draft.reason} onChange={(e) => set({ reason: e.target.value })} />
          </FormField>
          <Button type="submit" size="sm" loading={send.isPending}>
            Request leave
          </Button>
        </SimpleGrid>
        {problem && <ErrorMessage error={{ code: 'VALIDATION', message: problem }} />}
        <ErrorMessage error={send.error} title="Leave not requested" />
        <Text fontSize="sm" color="fg.muted">
          Reception or admin approves it and moves the bookings it strands; the patients are told.
        </Text>
      </Stack>
    </form>
  );
}
