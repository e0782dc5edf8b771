import { Button, HStack, Input, Stack, Switch, Text } from '@chakra-ui/react';
import { useState } from 'react';
import type { ResultOf } from '@shared/contract/index';
import type { Appointment } from '@shared/domain/appointment.schema';
import { useApiClient } from '@renderer/api/ApiProvider';
import { useApiMutation } from '@renderer/api/hooks';
import { Panel } from '@renderer/components/admin/Panel';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { FormField } from '@renderer/components/FormField';
import { notifyError } from '@renderer/components/toaster';
import { CollisionList } from './CollisionList';

/**
 * The appointments a saved change left outside working time: propose the doctor's next free slot
 * for each (`slots.nextFree`, no two on one slot) and move them together (`schedules.bulkReschedule`).
 */
export function BulkReschedule({
  doctorId,
  appointments,
  onDone,
}: {
  doctorId: string;
  appointments: Appointment[];
  onDone: () => void;
}) {
  const client = useApiClient();
  const [proposals, setProposals] = useState<Map<string, string | null> | null>(null);
  const [finding, setFinding] = useState(false);
  const [reason, setReason] = useState('Doctor’s schedule changed');
  const [notify, setNotify] = useState(true);
  const [result, setResult] = useState<ResultOf<'schedules.bulkReschedule'> | null>(null);
  const move = useApiMutation('schedules.bulkReschedule', { onSuccess: (r) => setResult(r) });

  const findTimes = async () => {
    setFinding(true);
    try {
      const taken = new Set<string>();
      const next = new Map<string, string | null>();
      const ordered = [...appointments].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
      for (const a of ordered) {
        const from = a.startsAt > new Date().toISOString() ? a.startsAt : new Date().toISOString();
        const slots = await client.call('slots.nextFree', { doctorId, from, limit: 20 });
        const slot = slots.find((s) => !taken.has(s.start));
        if (slot) taken.add(slot.start);
        next.set(a.id, slot?.start ?? null);
      }
      setProposals(next);
    } catch (error) {
      notifyError(error, 'Could not find free slots');
    } finally {
      setFinding(false);
    }
  };
  const moves = [...(proposals ?? [])].flatMap(([appointmentId, newStartsAt]) =>
    newStartsAt ? [{ appointmentId, newStartsAt }] : [],
  );

  return (
    <Panel
      title="Appointments to move"
      actions={
        <Button size="sm" variant="ghost" onClick={onDone}>
          Done
        </Button>
      }
    >
      <Stack gap="3">
        <Text color="fg.muted">
          These booked appointments are now outside the doctor’s working time. They were kept; move them to
          new times or call the patients.
        </Text>
        <CollisionList appointments={appointments} {...(proposals ? { proposals } : {})} />
        {!proposals && (
          <Button size="sm" alignSelf="flex-start" loading={finding} onClick={() => void findTimes()}>
            Find new times
          </Button>
        )}
        {proposals && !result && (
          <HStack gap="3" align="end" wrap="wrap">
            <FormField label="Reason (told to the patients)">
              <Input size="sm" width="20rem" value={reason} onChange={(e) => setReason(e.target.value)} />
            </FormField>
            <Switch.Root checked={notify} onCheckedChange={(e) => setNotify(e.checked)} colorPalette="teal">
              <Switch.HiddenInput />
              <Switch.Control />
              <Switch.Label>Notify patients</Switch.Label>
            </Switch.Root>
            <Button
              size="sm"
              disabled={moves.length === 0}
              loading={move.isPending}
              onClick={() => move.mutate({ moves, reason, notifyPatients: notify })}
            >
              Move {moves.length} {moves.length === 1 ? 'appointment' : 'appointments'}
            </Button>
          </HStack>
        )}
        <ErrorMessage error={move.error} />
        {result && (
          <Text role="status" fontWeight="medium">
            Moved {result.moved.length}.{' '}
            {result.failed.length > 0 && `Not moved: ${result.failed.map((f) => f.message).join('; ')}`}
          </Text>
        )}
      </Stack>
    </Panel>
  );
}
