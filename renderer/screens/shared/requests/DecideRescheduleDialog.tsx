import { Button, Stack, Text } from '@chakra-ui/react';
import { useEffect, useState } from 'react';
import { useApiMutation, useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { DateField } from '@renderer/components/DateField';
import { DialogFrame } from '@renderer/components/DialogFrame';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { toaster } from '@renderer/components/toaster';
import { FreeTimeButtons } from '@renderer/components/visits/FreeTimeButtons';
import { ReasonField, reasonProblem } from '@renderer/components/visits/ReasonField';
import { askedFor, type PendingReschedule } from './pending-reschedule';

/**
 * Answers a patient's reschedule request (appointments.decideReschedule). Approve: the asked time
 * is chosen when the patient named one; otherwise (or when it is taken) pick a free time of the
 * asked day or another. Decline: a reason the patient is told.
 */
export function DecideRescheduleDialog({
  pending,
  approve,
  onClose,
}: {
  pending: PendingReschedule | null;
  approve: boolean;
  onClose: () => void;
}) {
  const format = useClinicFormat();
  const today = format.today();
  const request = pending?.request;
  const appointment = pending?.appointment;
  const firstDate = () => {
    const asked = request?.preferredStartsAt
      ? format.clinicDate(request.preferredStartsAt)
      : (request?.preferredDate ?? (appointment ? format.clinicDate(appointment.startsAt) : today));
    return asked < today ? today : asked;
  };
  const [date, setDate] = useState(firstDate);
  const [startsAt, setStartsAt] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    if (!pending) return;
    setDate(firstDate());
    setStartsAt(request?.preferredStartsAt ?? null);
    setReason('');
    setProblem(undefined);
    decide.reset();
  }, [pending?.request.id]);

  const slots = useApiQuery(
    'slots.list',
    { doctorId: appointment?.doctorId ?? '', fromDate: date, toDate: date },
    { enabled: approve && !!appointment && /^\d{4}-\d{2}-\d{2}$/.test(date) },
  );
  const day = slots.data?.[0];
  const decide = useApiMutation('appointments.decideReschedule', {
    onSuccess: (decided) => {
      toaster.create({
        type: 'success',
        title: decided.status === 'APPROVED' ? 'New time approved' : 'Reschedule request declined',
        description: appointment?.number ?? undefined,
      });
      onClose();
    },
  });
  if (!pending || !request || !appointment) return null;

  const submit = () => {
    if (approve) {
      if (!startsAt) return setProblem('Choose the new time');
      decide.mutate({ requestId: request.id, approve: true, newStartsAt: startsAt, reason: reason.trim() });
    } else {
      const missing = reasonProblem(reason);
      if (missing) return setProblem(missing);
      decide.mutate({ requestId: request.id, approve: false, reason: reason.trim() });
    }
  };
  const number = appointment.number ?? 'the appointment';
  return (
    <DialogFrame
      open
      onClose={onClose}
      title={approve ? `Move ${number}` : `Decline the new time for ${number}?`}
      size={approve ? 'lg' : 'sm'}
      form={{
        'aria-label': approve ? 'Approve the reschedule request' : 'Decline the reschedule request',
        noValidate: true,
        onSubmit: (e) => {
          e.preventDefault();
          submit();
        },
      }}
      footer={
        <>
          <Button variant="outline" type="button" onClick={onClose}>
            Not now
          </Button>
          <Button type="submit" colorPalette={approve ? 'teal' : 'red'} loading={decide.isPending}>
            {approve ? 'Approve' : 'Decline'}
          </Button>
        </>
      }
    >
      <Stack gap="4">
        <Text>
          Now {format.dateTime(appointment.startsAt)}; the patient asks for {askedFor(pending, format)}.
          {request.note && ` “${request.note}”`}
        </Text>
        {approve && (
          <>
            <DateField
              label="New date"
              required
              min={today}
              value={date}
              onChange={(value, valid) => {
                if (!valid || !value) return;
                setDate(value);
                setStartsAt(null);
              }}
            />
            <Stack gap="2" role="group" aria-label="Free times">
              <FreeTimeButtons
                day={day}
                loading={slots.isLoading}
                error={slots.error}
                selected={startsAt}
                onPick={setStartsAt}
              />
              {startsAt && <Text fontSize="sm">New time: {format.dateTime(startsAt)}</Text>}
            </Stack>
          </>
        )}
        <ReasonField
          label={approve ? 'Note for the history (optional)' : 'Reason'}
          required={!approve}
          value={reason}
          onChange={(value) => {
            setReason(value);
            setProblem(undefined);
          }}
          problem={approve ? undefined : problem}
        />
        {approve && problem && (
          <Text color="fg.error" fontSize="sm" role="alert">
            {problem}
          </Text>
        )}
        <ErrorMessage error={decide.error} />
      </Stack>
    </DialogFrame>
  );
}
