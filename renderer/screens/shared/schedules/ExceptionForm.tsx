import { Button, HStack, Input, NativeSelect, SimpleGrid, Stack, Text } from '@chakra-ui/react';
import { useState } from 'react';
import type { Appointment } from '@shared/domain/appointment.schema';
import type { InputOf } from '@shared/contract/index';
import { scheduleExceptionSchema } from '@shared/domain/schedule.schema';
import { useApiClient } from '@renderer/api/ApiProvider';
import { useApiMutation } from '@renderer/api/hooks';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { FormField } from '@renderer/components/FormField';
import { TimeWindowFields, WholeDayCheckbox } from './DayPartFields';
import { notifyError, toaster } from '@renderer/components/toaster';
import { BulkReschedule } from './BulkReschedule';
import { CollisionList } from './CollisionList';
import { DateField } from '@renderer/components/DateField';

interface Draft {
  date: string;
  kind: 'leave' | 'extra';
  wholeDay: boolean;
  start: string;
  end: string;
  reason: string;
}

/**
 * Leave (whole day or part of it) or an extra working window on one date (`leaveOnly`: a doctor
 * marking their own leave). The bookings it would strand are looked up first
 * (`schedules.previewException`) and shown as a table beside the action; "Add anyway" keeps
 * them and opens the move right here.
 */
export function ExceptionForm({
  doctorId,
  today,
  leaveOnly = false,
}: {
  doctorId: string;
  today: string;
  leaveOnly?: boolean;
}) {
  const client = useApiClient();
  const [draft, setDraft] = useState<Draft>({
    date: today,
    kind: 'leave',
    wholeDay: true,
    start: '09:00',
    end: '13:00',
    reason: '',
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [collisions, setCollisions] = useState<Appointment[] | null>(null);
  const [toMove, setToMove] = useState<Appointment[]>([]);
  const [checking, setChecking] = useState(false);
  const preview = async (exception: InputOf<'schedules.previewException'>['exception']) => {
    setChecking(true);
    try {
      const found = (await client.call('schedules.previewException', { exception })).collisions;
      setCollisions(found.length > 0 ? found : null);
      return found.length;
    } catch (error) {
      notifyError(error, 'Could not check the bookings');
      return null;
    } finally {
      setChecking(false);
    }
  };
  const add = useApiMutation('schedules.addException', {
    onSuccess: (result) => {
      setCollisions(null);
      toaster.create({
        type: 'success',
        title: draft.kind === 'leave' ? 'Leave added' : 'Extra hours added',
      });
      if (result.collisions.length > 0) setToMove(result.collisions);
    },
    // Booked meanwhile: show what collides now.
    onError: (error, input) => {
      if (error.code === 'CONFLICT' && !input.acknowledgeCollisions) void preview(input.exception);
    },
  });
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setCollisions(null);
    add.reset();
  };
  const submit = async (acknowledgeCollisions: boolean) => {
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
    if (!acknowledgeCollisions && (await preview(parsed.data)) !== 0) return;
    add.mutate({ exception: parsed.data, acknowledgeCollisions });
  };
  const timed = draft.kind === 'extra' || !draft.wholeDay;

  return (
    <>
      <form
        aria-label="Add a date exception"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit(false);
        }}
      >
        <Stack gap="3">
          <SimpleGrid columns={{ base: 2, lg: 4 }} gap="3" alignItems="end">
            <DateField
              label="Date"
              required
              size="sm"
              min={today}
              value={draft.date}
              onChange={(value) => set({ date: value })}
            />
            {!leaveOnly && (
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
            )}
            {draft.kind === 'leave' && (
              <WholeDayCheckbox checked={draft.wholeDay} onChange={(wholeDay) => set({ wholeDay })} />
            )}
          </SimpleGrid>
          <SimpleGrid columns={{ base: 2, lg: 4 }} gap="3" alignItems="end">
            {timed && <TimeWindowFields start={draft.start} end={draft.end} onChange={set} />}
            <FormField label="Reason">
              <Input size="sm" value={draft.reason} onChange={(e) => set({ reason: e.target.value })} />
            </FormField>
            <Button type="submit" size="sm" loading={checking || (add.isPending && !collisions)}>
              Add {draft.kind === 'leave' ? 'leave' : 'extra hours'}
            </Button>
          </SimpleGrid>
          {problem && <ErrorMessage error={{ code: 'VALIDATION', message: problem }} />}
          {collisions ? (
            <Stack
              gap="2"
              borderWidth="1px"
              borderColor="border.warning"
              borderRadius="md"
              p="3"
              bg="bg.warning"
            >
              <Text fontWeight="semibold" role="status">
                Booked appointments are affected:{' '}
                {collisions.length === 1 ? '1 booking falls' : `${collisions.length} bookings fall`} outside
                the working time this leaves.
              </Text>
              <CollisionList appointments={collisions} />
              <HStack>
                <Button
                  size="sm"
                  colorPalette="orange"
                  loading={add.isPending}
                  onClick={() => void submit(true)}
                >
                  Add anyway and reschedule them
                </Button>
                <Button size="sm" variant="ghost" onClick={() => setCollisions(null)}>
                  Cancel
                </Button>
              </HStack>
            </Stack>
          ) : (
            <ErrorMessage error={add.error} />
          )}
        </Stack>
      </form>
      {toMove.length > 0 && <BulkReschedule appointments={toMove} onDone={() => setToMove([])} />}
    </>
  );
}
