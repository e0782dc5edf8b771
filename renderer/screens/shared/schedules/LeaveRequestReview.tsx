import { Button, HStack, Input, Stack, Switch, Text } from '@chakra-ui/react';
import { useEffect, useState } from 'react';
import type { ResultOf } from '@shared/contract/index';
import { type LeaveRequest, leaveDates } from '@shared/domain/leave-request.schema';
import { localToInstant } from '@shared/rules/zoned-time';
import { useApiClient } from '@renderer/api/ApiProvider';
import { useApiMutation, useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { FormField } from '@renderer/components/FormField';
import { LoadingState } from '@renderer/components/StateViews';
import { notifyError } from '@renderer/components/toaster';
import { useDoctors } from '@renderer/screens/shared/appointments/use-people';
import { type MoveRow, proposeMoves } from './move-proposals';
import { MoveTable } from './MoveTable';

/**
 * One pending leave request as its approver sees it: the bookings it would strand, each with an
 * editable new time (the same time of day on the nearest free day outside the leave) and doctor;
 * Approve puts the leave in and moves them in one step (`leave.approve`), Decline says why.
 */
export function LeaveRequestReview({
  request,
  onDecided,
}: {
  request: LeaveRequest;
  onDecided: (outcome: string) => void;
}) {
  const client = useApiClient();
  const format = useClinicFormat();
  const { doctors } = useDoctors();
  const collisions = useApiQuery('leave.collisions', { id: request.id });
  const [rows, setRows] = useState<MoveRow[] | null>(null);
  const [reason, setReason] = useState(`${request.doctorName} is on leave`);
  const [notify, setNotify] = useState(true);
  const [why, setWhy] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const approve = useApiMutation('leave.approve', {
    onSuccess: (r: ResultOf<'leave.approve'>) =>
      onDecided(
        `Leave approved for ${request.doctorName}. Moved ${r.moved.length}.` +
          (r.moved.length > 0
            ? notify
              ? ' The patients are being messaged their new times.'
              : ' Nobody was messaged.'
            : ''),
      ),
  });
  const decline = useApiMutation('leave.decline', {
    onSuccess: () => onDecided(`Leave declined for ${request.doctorName}.`),
  });

  const { timeZone } = format;
  const today = format.today();
  const stranded = collisions.data?.collisions;
  useEffect(() => {
    if (!stranded) return;
    let live = true;
    proposeMoves(client, stranded, timeZone, today, leaveDates(request.fromDate, request.toDate))
      .then((proposed) => live && setRows(proposed))
      .catch((error: unknown) => {
        notifyError(error, 'Could not find free times');
        if (live)
          setRows(stranded.map((a) => ({ appointmentId: a.id, date: '', time: '', doctorId: a.doctorId })));
      });
    return () => {
      live = false;
    };
  }, [client, stranded, timeZone, today, request.fromDate, request.toDate]);

  if (!stranded || !rows) {
    return collisions.error ? (
      <ErrorMessage error={collisions.error} />
    ) : (
      <LoadingState label="Looking for bookings it strands…" />
    );
  }
  const filled = rows.filter((r) => r.date && r.time);
  const submit = () => {
    const byId = new Map(stranded.map((a) => [a.id, a]));
    try {
      const moves = filled.map((r) => ({
        appointmentId: r.appointmentId,
        newStartsAt: localToInstant(r.date, r.time, timeZone),
        ...(r.doctorId !== byId.get(r.appointmentId)?.doctorId ? { doctorId: r.doctorId } : {}),
      }));
      setProblem(null);
      approve.mutate({
        id: request.id,
        moves,
        reason,
        notifyPatients: notify,
        acknowledgeCollisions: filled.length < stranded.length,
      });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <Stack gap="3" data-testid="leave-review">
      {stranded.length === 0 ? (
        <Text>No booked appointments fall in this leave.</Text>
      ) : (
        <>
          <Text fontWeight="semibold" role="status">
            {stranded.length === 1 ? '1 booking falls' : `${stranded.length} bookings fall`} in this leave.
            Check each new time (or leave it empty and call the patient).
          </Text>
          <MoveTable
            appointments={stranded}
            rows={rows}
            doctors={doctors}
            onChange={(row) =>
              setRows((current) =>
                (current ?? []).map((r) => (r.appointmentId === row.appointmentId ? row : r)),
              )
            }
          />
          <HStack gap="3" align="end" wrap="wrap">
            <FormField label="Reason (told to the patients)">
              <Input size="sm" width="20rem" value={reason} onChange={(e) => setReason(e.target.value)} />
            </FormField>
            <Stack gap="1">
              <Switch.Root checked={notify} onCheckedChange={(e) => setNotify(e.checked)} colorPalette="teal">
                <Switch.HiddenInput />
                <Switch.Control />
                <Switch.Label>Notify patients</Switch.Label>
              </Switch.Root>
              <Text fontSize="xs" color="fg.muted" maxW="22rem">
                {notify
                  ? 'Each patient is sent their new time by SMS and e-mail where the clinic has them, and in the patient app.'
                  : 'Nobody is messaged: call the patients yourself.'}
              </Text>
            </Stack>
          </HStack>
        </>
      )}
      <HStack gap="3" align="end" wrap="wrap">
        <Button size="sm" loading={approve.isPending} onClick={submit}>
          {filled.length > 0
            ? `Approve and move ${filled.length} ${filled.length === 1 ? 'appointment' : 'appointments'}`
            : 'Approve leave'}
        </Button>
        <FormField label="Why not (the doctor sees this)">
          <Input size="sm" width="18rem" value={why} onChange={(e) => setWhy(e.target.value)} />
        </FormField>
        <Button
          size="sm"
          variant="outline"
          colorPalette="red"
          loading={decline.isPending}
          onClick={() => decline.mutate({ id: request.id, reason: why })}
        >
          Decline
        </Button>
      </HStack>
      {problem && <ErrorMessage error={{ code: 'VALIDATION', message: problem }} />}
      <ErrorMessage error={approve.error} title="Leave not approved" />
      <ErrorMessage error={decline.error} title="Leave not declined" />
    </Stack>
  );
}
