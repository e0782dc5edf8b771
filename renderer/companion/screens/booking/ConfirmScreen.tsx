import { Alert, Button, Field, Heading, RadioGroup, Stack, Text, Textarea } from '@chakra-ui/react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { PatientAppointment } from '@shared/gateway/appointments.schema';
import { isApiError } from '@renderer/companion/api/api-error';
import { api } from '@renderer/companion/api/client';
import { useClinic, useFormat } from '@renderer/companion/api/clinic';
import { ErrorNote } from '@renderer/companion/shell/ErrorNote';
import { paths } from '@renderer/companion/shell/routes';
import { ScreenSkeleton } from '@renderer/companion/shell/ScreenSkeleton';
import { useOnline } from '@renderer/companion/shell/use-online';
import { cancelBy } from '@renderer/companion/screens/appointments/cancel-window';
import { bookingProblem } from './booking-errors';
import { invalidateAfterBooking } from './invalidate';
import { useDoctor } from './use-doctors';

type VisitType = PatientAppointment['type'];

/** Step 4: the chosen time, new visit or follow-up (each with its fee), then Book. */
export function ConfirmScreen() {
  const { t } = useTranslation('booking');
  const format = useFormat();
  const online = useOnline();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { doctorId } = useParams();
  const [search] = useSearchParams();
  const start = search.get('start') ?? '';
  const { doctor, isPending, isError, error: loadError, refetch } = useDoctor(doctorId);
  const clinic = useClinic().data?.data;
  const [type, setType] = useState<VisitType>('NEW_VISIT');
  const [note, setNote] = useState('');
  // One retry key per confirm screen: a retried tap cannot book twice (the hub derives the id).
  const [retryKey] = useState(() => crypto.randomUUID());

  const book = useMutation({
    mutationFn: (startsAt: string) =>
      api.post<{ appointment: PatientAppointment }>('/appointments', {
        id: retryKey,
        doctorId,
        startsAt,
        type,
        note: note.trim(),
      }),
    onSuccess: async ({ appointment }) => {
      await invalidateAfterBooking(queryClient);
      // The stored id is derived from the retry key: only the answer's id names the booking.
      void navigate(`${paths.book}/booked/${appointment.id}`, { replace: true });
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'SLOT_TAKEN') void invalidateAfterBooking(queryClient);
    },
  });

  if (isPending) return <ScreenSkeleton />;
  if (isError) return <ErrorNote error={loadError} onRetry={() => void refetch()} />;
  if (!doctor || !start || Number.isNaN(Date.parse(start)))
    return (
      <Button asChild variant="outline">
        <Link to={paths.book}>{t('day.allDoctors')}</Link>
      </Button>
    );

  const problem = book.isError ? bookingProblem(book.error, clinic?.minBookingNoticeMinutes ?? 0) : null;
  const nextSlots =
    isApiError(book.error) && book.error.code === 'SLOT_TAKEN' ? book.error.body.nextSlots : [];
  const fee = type === 'NEW_VISIT' ? doctor.fees.newVisit : doctor.fees.followUp;
  const needsConfirmation = clinic?.bookingNeedsConfirmation ?? false;

  return (
    <Stack gap="4">
      <Heading as="h1" size="xl">
        {t('confirm.title')}
      </Heading>
      <Stack gap="1">
        <Text fontWeight="semibold">{doctor.fullName}</Text>
        <Text>{doctor.specialization}</Text>
        <Text fontSize="lg" data-testid="confirm-time">
          {format.dayTime(start)}
        </Text>
      </Stack>

      <RadioGroup.Root
        value={type}
        onValueChange={(e) => setType(e.value as VisitType)}
        aria-labelledby="visit-type-label"
      >
        <Text id="visit-type-label" fontWeight="semibold" mb="2">
          {t('confirm.typeLabel')}
        </Text>
        <Stack gap="3">
          {(['NEW_VISIT', 'FOLLOW_UP'] as const).map((value) => (
            <RadioGroup.Item key={value} value={value} minH="11">
              <RadioGroup.ItemHiddenInput />
              <RadioGroup.ItemIndicator />
              <RadioGroup.ItemText>
                {t(value === 'NEW_VISIT' ? 'confirm.newVisit' : 'confirm.followUp', {
                  fee: format.money(value === 'NEW_VISIT' ? doctor.fees.newVisit : doctor.fees.followUp),
                })}
              </RadioGroup.ItemText>
            </RadioGroup.Item>
          ))}
        </Stack>
      </RadioGroup.Root>

      <Field.Root>
        <Field.Label>{t('confirm.noteLabel')}</Field.Label>
        <Textarea value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} rows={3} />
        <Field.HelperText>{t('confirm.noteHelp')}</Field.HelperText>
      </Field.Root>

      <Stack gap="1" color="fg.muted" fontSize="sm">
        <Text>{t('confirm.fee', { fee: format.money(fee) })}</Text>
        {needsConfirmation && <Text>{t('confirm.needsConfirmation')}</Text>}
        {clinic && (
          <Text>
            {t('confirm.cancelUntil', {
              time: format.dayTime(cancelBy(start, clinic.cancellationWindowMinutes)),
            })}
          </Text>
        )}
      </Stack>

      {!online && (
        <Alert.Root status="warning" role="status">
          <Alert.Indicator />
          <Alert.Description>{t('errors.offline')}</Alert.Description>
        </Alert.Root>
      )}
      {problem && (
        <Alert.Root status="error" role="alert">
          <Alert.Indicator />
          <Alert.Description>
            {t(problem.key, 'values' in problem ? problem.values : undefined)}
          </Alert.Description>
        </Alert.Root>
      )}
      {nextSlots && nextSlots.length > 0 && (
        <Stack as="ul" gap="2" listStyleType="none" m="0" p="0" aria-label={t('confirm.nextSlots')}>
          {nextSlots.map((slot) => (
            <li key={slot.start}>
              <Button
                width="full"
                variant="outline"
                colorPalette="teal"
                disabled={book.isPending || !online}
                onClick={() => {
                  // The screen now shows the time being booked; a failure can be retried from it.
                  void navigate(
                    `${paths.book}/${doctor.id}/confirm?start=${encodeURIComponent(slot.start)}`,
                    {
                      replace: true,
                    },
                  );
                  book.mutate(slot.start);
                }}
                data-next-slot={slot.start}
              >
                {t('confirm.bookAt', { time: format.dayTime(slot.start) })}
              </Button>
            </li>
          ))}
        </Stack>
      )}

      <Button
        colorPalette="teal"
        loading={book.isPending}
        disabled={!online}
        onClick={() => book.mutate(start)}
      >
        {needsConfirmation ? t('confirm.request') : t('confirm.book')}
      </Button>
      <Button asChild variant="ghost">
        <Link to={`${paths.book}/${doctor.id}`}>{t('confirm.otherTime')}</Link>
      </Button>
    </Stack>
  );
}
