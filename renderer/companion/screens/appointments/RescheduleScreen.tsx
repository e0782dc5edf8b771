import { Alert, Button, Field, Heading, Stack, Text, Textarea } from '@chakra-ui/react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { isApiError } from '@renderer/companion/api/api-error';
import { api } from '@renderer/companion/api/client';
import { useClinic, useFormat } from '@renderer/companion/api/clinic';
import { ErrorNote } from '@renderer/companion/shell/ErrorNote';
import { paths } from '@renderer/companion/shell/routes';
import { ScreenSkeleton } from '@renderer/companion/shell/ScreenSkeleton';
import { useOnline } from '@renderer/companion/shell/use-online';
import { clinicToday, dateStrip } from '@renderer/companion/screens/booking/date-strip';
import { DateStrip } from '@renderer/companion/screens/booking/DateStrip';
import { invalidateAfterBooking } from '@renderer/companion/screens/booking/invalidate';
import { SlotPicker, type Slot } from '@renderer/companion/screens/booking/SlotPicker';
import { useDoctor } from '@renderer/companion/screens/booking/use-doctors';
import { useAppointment } from './use-appointment';

/** Why a move or request was refused, in the patient's language. */
function problemKey(error: unknown) {
  if (!isApiError(error)) return 'errors.generic' as const;
  if (error.offline) return 'offline' as const;
  if (error.code === 'SLOT_TAKEN') return 'reschedule.slotTaken' as const;
  if (error.code === 'POLICY') return 'reschedule.tooLate' as const;
  if (error.code === 'CONFLICT') return 'reschedule.alreadySent' as const;
  return 'errors.generic' as const;
}

/**
 * Moving an appointment: directly to a free time where the clinic allows it
 * (patientDirectReschedule), otherwise a request with a preferred day the clinic answers.
 */
export function RescheduleScreen() {
  const { t } = useTranslation('appointments');
  const format = useFormat();
  const online = useOnline();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { id } = useParams();
  const [search, setSearch] = useSearchParams();
  const detail = useAppointment(id);
  const clinic = useClinic().data?.data;
  const appointment = detail.data?.data.appointment;
  const { doctor } = useDoctor(appointment?.doctorId);
  const [picked, setPicked] = useState<Slot | null>(null);
  const [note, setNote] = useState('');
  const [requestKey] = useState(() => crypto.randomUUID());
  const onDate = useCallback(
    (day: string) => {
      setPicked(null);
      setSearch({ date: day }, { replace: true });
    },
    [setSearch],
  );
  const days = useMemo(
    () => (clinic ? dateStrip(clinicToday(clinic.timeZone), null, clinic.bookingHorizonDays) : []),
    [clinic],
  );
  const done = async () => {
    await invalidateAfterBooking(queryClient);
    void navigate(`${paths.appointments}/${id}`, { replace: true });
  };
  const move = useMutation({
    mutationFn: (newStartsAt: string) => api.post(`/appointments/${id}/reschedule`, { newStartsAt }),
    onSuccess: done,
  });
  const request = useMutation({
    mutationFn: () =>
      api.post(`/appointments/${id}/reschedule-request`, {
        requestId: requestKey,
        preferredDate: search.get('date'),
        note: note.trim(),
      }),
    onSuccess: done,
  });

  if (detail.isPending || !clinic) return <ScreenSkeleton />;
  if (detail.isError) return <ErrorNote error={detail.error} onRetry={() => void detail.refetch()} />;
  const direct = clinic.patientDirectReschedule;
  const failed = direct ? move : request;
  return (
    <Stack gap="4">
      <Heading as="h1" size="xl">
        {direct ? t('reschedule.moveTitle') : t('reschedule.askTitle')}
      </Heading>
      <Text>{t('reschedule.now', { time: format.dayTime(appointment!.startsAt) })}</Text>
      {direct ? (
        doctor && (
          <SlotPicker
            doctorId={doctor.id}
            nextFreeDay={doctor.nextFreeDay}
            date={search.get('date') ?? undefined}
            onDate={onDate}
            onPick={setPicked}
            picked={picked?.start}
          />
        )
      ) : (
        <Stack gap="4">
          <Text>{t('reschedule.preferredDay')}</Text>
          <DateStrip
            days={days}
            selected={search.get('date') ?? undefined}
            onSelect={(day) => setSearch({ date: day }, { replace: true })}
          />
          <Field.Root>
            <Field.Label>{t('reschedule.noteLabel')}</Field.Label>
            <Textarea value={note} maxLength={500} rows={3} onChange={(e) => setNote(e.target.value)} />
          </Field.Root>
        </Stack>
      )}
      {!online && (
        <Alert.Root status="warning" role="status">
          <Alert.Indicator />
          <Alert.Description>{t('offline')}</Alert.Description>
        </Alert.Root>
      )}
      {failed.isError && (
        <Alert.Root status="error" role="alert">
          <Alert.Indicator />
          <Alert.Description>{t(problemKey(failed.error))}</Alert.Description>
        </Alert.Root>
      )}
      {direct ? (
        <Button
          colorPalette="teal"
          disabled={!picked || !online}
          loading={move.isPending}
          onClick={() => picked && move.mutate(picked.start)}
        >
          {picked ? t('reschedule.moveTo', { time: format.dayTime(picked.start) }) : t('reschedule.pickTime')}
        </Button>
      ) : (
        <Button
          colorPalette="teal"
          disabled={!online}
          loading={request.isPending}
          onClick={() => request.mutate()}
        >
          {t('reschedule.send')}
        </Button>
      )}
      <Button asChild variant="ghost">
        <Link to={`${paths.appointments}/${id}`}>{t('reschedule.back')}</Link>
      </Button>
    </Stack>
  );
}
