import { Button, Checkbox, HStack, Input, NativeSelect, SimpleGrid, Stack } from '@chakra-ui/react';
import { useState } from 'react';
import type { ApiFailure } from '@shared/contract/errors';
import type { Appointment } from '@shared/domain/appointment.schema';
import { scheduleExceptionSchema } from '@shared/domain/schedule.schema';
import { useApiMutation } from '@renderer/api/hooks';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { FormField } from '@renderer/components/FormField';
import { toaster } from '@renderer/components/toaster';

interface Draft {
  date: string;
  kind: 'leave' | 'extra';
  wholeDay: boolean;
  start: string;
  end: string;
  reason: string;
}

/**
 * Leave (whole day or part of it) or an extra working window on one date. When bookings collide
 * the hub refuses with them listed; "Add anyway" keeps them and hands them on for rescheduling.
 */
export function ExceptionForm({
  doctorId,
  today,
  onCollisions,
}: {
  doctorId: string;
  today: string;
  onCollisions: (collisions: Appointment[]) => void;
}) {
  const [draft, setDraft] = useState<Draft>({
    date: today,
    kind: 'leave',
    wholeDay: true,
    start: '09:00',
    end: '13:00',
    reason: '',
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ApiFailure | null>(null);
  const add = useApiMutation('schedules.addException', {
    onSuccess: (result) => {
      setConflict(null);
      toaster.create({
        type: 'success',
        title: draft.kind === 'leave' ? 'Leave added' : 'Extra hours added',
      });
      if (result.collisions.length > 0) onCollisions(result.collisions);
    },
    onError: (error) => setConflict(error.code === 'CONFLICT' ? error : null),
  });
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setConflict(null);
    add.reset();
  };
  const submit = (acknowledgeCollisions: boolean) => {
    const exception = {
      id: crypto.randomUUID(),
      doctorId,
      date: draft.date,
      kind: draft.kind,
      window:
        draft.kind === 'leave' && draft.wholeDay
          ? null
          : { start: draft.start, end: draft.end, roomId: null },
      reason: draft.reason,
    };
    const parsed = scheduleExceptionSchema.safeParse(exception);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      setProblem(`${issue.path.join('.') || 'exception'}: ${issue.message}`);
      return;
    }
    setProblem(null);
    add.mutate({ exception: parsed.data, acknowledgeCollisions });
  };
  const timed = draft.kind === 'extra' || !draft.wholeDay;

  return (
    <form
      aria-label="Add a date exception"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit(false);
      }}
    >
      <Stack gap="3">
        <SimpleGrid columns={{ base: 2, lg: 4 }} gap="3" alignItems="end">
          <FormField label="Date" required>
            <Input
              size="sm"
              type="date"
              min={today}
              value={draft.date}
              onChange={(e) => set({ date: e.target.value })}
            />
          </FormField>
          <FormField label="Kind">
            <NativeSelect.Root size="sm">
              <NativeSelect.Field
                value={draft.kind}
                onChange={(e) => set({ kind: e.target.value === 'extra' ? 'extra' : 'leave' })}
              >
                <option value="leave">Leave (not working)</option>
                <option value="extra">Extra working hours</option>
              </NativeSelect.Field>
              <NativeSelect.Indicator />
            </NativeSelect.Root>
          </FormField>
          {draft.kind === 'leave' && (
            <Checkbox.Root
              checked={draft.wholeDay}
              onCheckedChange={(e) => set({ wholeDay: e.checked === true })}
              pb="2"
            >
              <Checkbox.HiddenInput />
              <Checkbox.Control />
              <Checkbox.Label>Whole day</Checkbox.Label>
            </Checkbox.Root>
          )}
        </SimpleGrid>
        <SimpleGrid columns={{ base: 2, lg: 4 }} gap="3" alignItems="end">
          {timed && (
            <>
              <FormField label="From">
                <Input
                  size="sm"
                  type="time"
                  value={draft.start}
                  onChange={(e) => set({ start: e.target.value })}
                />
              </FormField>
              <FormField label="Until">
                <Input
                  size="sm"
                  type="time"
                  value={draft.end}
                  onChange={(e) => set({ end: e.target.value })}
                />
              </FormField>
            </>
          )}
          <FormField label="Reason">
            <Input size="sm" value={draft.reason} onChange={(e) => set({ reason: e.target.value })} />
          </FormField>
          <Button type="submit" size="sm" loading={add.isPending && !conflict}>
            Add {draft.kind === 'leave' ? 'leave' : 'extra hours'}
          </Button>
        </SimpleGrid>
        {problem && <ErrorMessage error={{ code: 'VALIDATION', message: problem }} />}
        {conflict ? (
          <Stack gap="2">
            <ErrorMessage error={conflict} title="Booked appointments are affected" />
            <HStack>
              <Button size="sm" colorPalette="orange" loading={add.isPending} onClick={() => submit(true)}>
                Add anyway and reschedule them
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setConflict(null)}>
                Cancel
              </Button>
            </HStack>
          </Stack>
        ) : (
          <ErrorMessage error={add.error} />
        )}
      </Stack>
    </form>
  );
}
