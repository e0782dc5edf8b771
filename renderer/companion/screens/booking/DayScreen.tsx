import { Button, Heading, Stack, Text } from '@chakra-ui/react';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ErrorNote } from '@renderer/companion/shell/ErrorNote';
import { paths } from '@renderer/companion/shell/routes';
import { ScreenSkeleton } from '@renderer/companion/shell/ScreenSkeleton';
import { SlotPicker, type Slot } from './SlotPicker';
import { useDoctor } from './use-doctors';

/** Steps 2 and 3: a day on the strip, then one of its free times. */
export function DayScreen() {
  const { t } = useTranslation('booking');
  const { doctorId } = useParams();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const { doctor, isPending, isError, error, refetch } = useDoctor(doctorId);
  const onDate = useCallback((day: string) => setSearch({ date: day }, { replace: true }), [setSearch]);
  const onPick = (slot: Slot) =>
    void navigate(`${paths.book}/${doctorId}/confirm?start=${encodeURIComponent(slot.start)}`);

  if (isPending) return <ScreenSkeleton />;
  if (isError) return <ErrorNote error={error} onRetry={() => void refetch()} />;
  if (!doctor)
    return (
      <Stack gap="4">
        <Text>{t('day.unknownDoctor')}</Text>
        <Button asChild variant="outline">
          <Link to={paths.book}>{t('day.allDoctors')}</Link>
        </Button>
      </Stack>
    );
  return (
    <Stack gap="4">
      <Heading as="h1" size="xl">
        {t('day.title', { name: doctor.fullName })}
      </Heading>
      <Text color="fg.muted">{doctor.specialization}</Text>
      <SlotPicker
        doctorId={doctor.id}
        nextFreeDay={doctor.nextFreeDay}
        date={search.get('date') ?? undefined}
        onDate={onDate}
        onPick={onPick}
      />
      <Button asChild variant="ghost">
        <Link to={paths.book}>{t('day.allDoctors')}</Link>
      </Button>
    </Stack>
  );
}
