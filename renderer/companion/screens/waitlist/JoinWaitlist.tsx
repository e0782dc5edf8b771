import { Button, Field, Input, NativeSelect, Stack, Text, Textarea } from '@chakra-ui/react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '@renderer/companion/api/api-error';
import { api } from '@renderer/companion/api/client';
import { useClinic } from '@renderer/companion/api/clinic';
import { useGet } from '@renderer/companion/api/queries';
import { ErrorNote } from '@renderer/companion/shell/ErrorNote';
import { paths } from '@renderer/companion/shell/routes';
import { ScreenSkeleton } from '@renderer/companion/shell/ScreenSkeleton';
import {
  addDays,
  clinicDay,
  joinProblems,
  type JoinDraft,
  type JoinField,
  knownFields,
  NOTE_MAX,
} from './waitlist-form';
import type { PublicDoctor, WaitlistEntry } from './waitlist-types';

/** Join the waiting list: a doctor, the days that suit, a note. */
export function JoinWaitlist() {
  const { t } = useTranslation('waitlist');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const timeZone = useClinic().data?.data.timeZone ?? 'Asia/Kolkata';
  const today = clinicDay(new Date(), timeZone);
  const doctors = useGet<PublicDoctor[]>(['/doctors'], { staleTime: 10 * 60_000 });
  const [draft, setDraft] = useState<JoinDraft>({
    doctorId: '',
    fromDate: today,
    toDate: addDays(today, 7),
    note: '',
  });
  const [shown, setShown] = useState<JoinField[]>([]);
  // One retry key per form: a retried tap answers the entry it made instead of joining twice.
  const retryKey = useMemo(() => crypto.randomUUID(), []);
  const join = useMutation({
    mutationFn: (body: JoinDraft) => api.post<WaitlistEntry>('/waitlist', { id: retryKey, ...body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['/waitlist'] });
      void navigate(paths.waitlist, { state: { joined: true } });
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'VALIDATION') setShown(knownFields(error.body.fields));
    },
  });
  const set = (field: JoinField) => (event: { target: { value: string } }) => {
    setDraft((d) => ({ ...d, [field]: event.target.value }));
    setShown((s) => s.filter((f) => f !== field));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = joinProblems(draft, today);
    setShown(problems);
    if (problems.length === 0) join.mutate(draft);
  };
  if (doctors.isPending) return <ScreenSkeleton />;
  if (doctors.isError) return <ErrorNote error={doctors.error} onRetry={() => void doctors.refetch()} />;
  const invalid = (field: JoinField) => shown.includes(field);
  const conflict = isApiError(join.error) && join.error.code === 'CONFLICT';
  const otherFailure =
    join.isError && !conflict && !(isApiError(join.error) && join.error.code === 'VALIDATION');
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="4">
        <Link to={paths.waitlist}>
          <Text as="span" display="inline-flex" minH="44px" alignItems="center" color="teal.800">
            ← {t('back')}
          </Text>
        </Link>
        <Text as="h2" fontSize="lg" fontWeight="semibold">
          {t('joinTitle')}
        </Text>
        <Field.Root invalid={invalid('doctorId')} required>
          <Field.Label>{t('doctor')}</Field.Label>
          <NativeSelect.Root size="lg">
            <NativeSelect.Field name="doctorId" value={draft.doctorId} onChange={set('doctorId')}>
              <option value="">{t('chooseDoctor')}</option>
              {doctors.data.data.map((doctor) => (
                <option key={doctor.id} value={doctor.id}>
                  {doctor.fullName} — {doctor.specialization}
                </option>
              ))}
            </NativeSelect.Field>
            <NativeSelect.Indicator />
          </NativeSelect.Root>
          <Field.ErrorText>{t('errors.doctorId')}</Field.ErrorText>
        </Field.Root>
        <Field.Root invalid={invalid('fromDate')} required>
          <Field.Label>{t('fromDate')}</Field.Label>
          <Input
            size="lg"
            type="date"
            name="fromDate"
            min={today}
            value={draft.fromDate}
            onChange={set('fromDate')}
          />
          <Field.ErrorText>{t('errors.fromDate')}</Field.ErrorText>
        </Field.Root>
        <Field.Root invalid={invalid('toDate')} required>
          <Field.Label>{t('toDate')}</Field.Label>
          <Input
            size="lg"
            type="date"
            name="toDate"
            min={draft.fromDate || today}
            value={draft.toDate}
            onChange={set('toDate')}
          />
          <Field.ErrorText>{t('errors.toDate')}</Field.ErrorText>
        </Field.Root>
        <Field.Root invalid={invalid('note')}>
          <Field.Label>{t('note')}</Field.Label>
          <Textarea name="note" maxLength={NOTE_MAX} value={draft.note} onChange={set('note')} />
          <Field.ErrorText>{t('errors.note')}</Field.ErrorText>
        </Field.Root>
        {conflict && (
          <Text role="alert" color="red.700">
            {t('errors.conflict')}
          </Text>
        )}
        {otherFailure && <ErrorNote error={join.error} />}
        <Button
          type="submit"
          size="lg"
          colorPalette="teal"
          loading={join.isPending}
          loadingText={t('joining')}
        >
          {t('submit')}
        </Button>
      </Stack>
    </form>
  );
}
