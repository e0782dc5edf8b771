import { Box, Button, HStack, Input, Stack, Switch, Text } from '@chakra-ui/react';
import { useEffect, useRef, useState } from 'react';
import type { ResultOf } from '@shared/contract/index';
import type { Appointment } from '@shared/domain/appointment.schema';
import { localToInstant } from '@shared/rules/zoned-time';
import { useApiClient } from '@renderer/api/ApiProvider';
import { useApiMutation } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { Panel } from '@renderer/components/admin/Panel';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { FormField } from '@renderer/components/FormField';
import { LoadingState } from '@renderer/components/StateViews';
import { notifyError } from '@renderer/components/toaster';
import { useDoctors } from '@renderer/screens/shared/appointments/use-people';
import { type MoveRow, proposeMoves, proposeWithDoctor } from './move-proposals';
import { MoveTable } from './MoveTable';

/**
 * The appointments a saved change left outside working time, shown where that change was made
 * and scrolled into view: each gets an editable new time (by default the same time of day on
 * the nearest day the doctor is free) and may go to a colleague of the same specialization;
 * `schedules.bulkReschedule` moves them, and messages the patients unless told not to.
 */
export function BulkReschedule({
  appointments,
  onDone,
}: {
  appointments: Appointment[];
  onDone: () => void;
}) {
  const client = useApiClient();
  const format = useClinicFormat();
  const { doctors } = useDoctors();
  const ref = useRef<HTMLDivElement>(null);
  const [rows, setRows] = useState<MoveRow[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [reason, setReason] = useState('Doctor’s schedule changed');
  const [notify, setNotify] = useState(true);
  const [result, setResult] = useState<ResultOf<'schedules.bulkReschedule'> | null>(null);
  const move = useApiMutation('schedules.bulkReschedule', { onSuccess: (r) => setResult(r) });

  const { timeZone } = format;
  const today = format.today();
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
    let live = true;
    proposeMoves(client, appointments, timeZone, today)
      .then((proposed) => live && setRows(proposed))
      .catch((error: unknown) => {
        notifyError(error, 'Could not find free times');
        if (live)
          setRows(
            appointments.map((a) => ({ appointmentId: a.id, date: '', time: '', doctorId: a.doctorId })),
          );
      });
    return () => {
      live = false;
    };
  }, [client, appointments, timeZone, today]);
  useEffect(() => {
    if (rows) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [rows]);

  const replace = (row: MoveRow) =>
    setRows((current) => (current ?? []).map((r) => (r.appointmentId === row.appointmentId ? row : r)));
  /** A row switched to a colleague gets a time free with that colleague, not the first doctor's. */
  const change = (row: MoveRow) => {
    const before = rows?.find((r) => r.appointmentId === row.appointmentId);
    const appointment = appointments.find((a) => a.id === row.appointmentId);
    replace(row);
    if (!appointment || !before || before.doctorId === row.doctorId) return;
    proposeWithDoctor(client, appointment, row.doctorId, rows ?? [], { timeZone, today })
      .then((proposed) =>
        setRows((current) =>
          (current ?? []).map((r) =>
            r.appointmentId === proposed.appointmentId && r.doctorId === proposed.doctorId ? proposed : r,
          ),
        ),
      )
      .catch((error: unknown) => notifyError(error, 'Could not find a free time with that doctor'));
  };

  const filled = (rows ?? []).filter((r) => r.date && r.time);
  const submit = () => {
    const byId = new Map(appointments.map((a) => [a.id, a]));
    try {
      const moves = filled.map((r) => ({
        appointmentId: r.appointmentId,
        newStartsAt: localToInstant(r.date, r.time, format.timeZone),
        ...(r.doctorId !== byId.get(r.appointmentId)?.doctorId ? { doctorId: r.doctorId } : {}),
      }));
      setProblem(null);
      move.mutate({ moves, reason, notifyPatients: notify });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <Box ref={ref} scrollMarginTop="4">
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
            These booked appointments are now outside the doctor’s working time. They were kept; check each
            new time (or leave it empty and call the patient), then move them.
          </Text>
          {rows ? (
            <MoveTable appointments={appointments} rows={rows} doctors={doctors} onChange={change} />
          ) : (
            <LoadingState label="Finding free times…" />
          )}
          {rows && !result && (
            <HStack gap="3" align="end" wrap="wrap">
              <FormField label="Reason (told to the patients)">
                <Input size="sm" width="20rem" value={reason} onChange={(e) => setReason(e.target.value)} />
              </FormField>
              <Stack gap="1">
                <Switch.Root
                  checked={notify}
                  onCheckedChange={(e) => setNotify(e.checked)}
                  colorPalette="teal"
                >
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
              <Button size="sm" disabled={filled.length === 0} loading={move.isPending} onClick={submit}>
                Move {filled.length} {filled.length === 1 ? 'appointment' : 'appointments'}
              </Button>
            </HStack>
          )}
          {problem && <ErrorMessage error={{ code: 'VALIDATION', message: problem }} />}
          <ErrorMessage error={move.error} />
          {result && (
            <Text role="status" fontWeight="medium">
              Moved {result.moved.length}.{' '}
              {result.moved.length > 0 &&
                (notify ? 'The patients are being messaged their new times. ' : 'Nobody was messaged. ')}
              {result.failed.length > 0 && `Not moved: ${result.failed.map((f) => f.message).join('; ')}`}
            </Text>
          )}
        </Stack>
      </Panel>
    </Box>
  );
}
