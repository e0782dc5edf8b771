import { Button, Card, Heading, Stack, Tabs, Text } from '@chakra-ui/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useFormat } from '@renderer/companion/api/clinic';
import { AsOf } from '@renderer/companion/shell/AsOf';
import { ErrorNote } from '@renderer/companion/shell/ErrorNote';
import { paths } from '@renderer/companion/shell/routes';
import { ScreenSkeleton } from '@renderer/companion/shell/ScreenSkeleton';
import { useDoctors } from '@renderer/companion/screens/booking/use-doctors';
import { StatusBadge } from './StatusBadge';
import { useAppointments } from './use-appointment';

type When = 'upcoming' | 'past';

function AppointmentList({ when }: { when: When }) {
  const { t } = useTranslation('appointments');
  const format = useFormat();
  const list = useAppointments(when);
  const doctors = useDoctors().data?.data;
  if (list.isPending) return <ScreenSkeleton rows={2} />;
  if (list.isError) return <ErrorNote error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data.data;
  return (
    <Stack gap="3">
      <AsOf asOf={list.data.asOf} />
      {items.length === 0 && (
        <Stack gap="3">
          <Text>{when === 'upcoming' ? t('list.noneUpcoming') : t('list.nonePast')}</Text>
          {when === 'upcoming' && (
            <Button asChild colorPalette="teal">
              <Link to={paths.book}>{t('list.book')}</Link>
            </Button>
          )}
        </Stack>
      )}
      <Stack as="ul" gap="3" listStyleType="none" m="0" p="0" data-testid={`appointments-${when}`}>
        {items.map((a) => {
          const doctor = doctors?.find((d) => d.id === a.doctorId);
          return (
            <Card.Root as="li" key={a.id} data-appointment={a.id}>
              <Card.Body gap="1">
                <Text fontWeight="semibold">{format.dayTime(a.startsAt)}</Text>
                <Text>{doctor?.fullName ?? t('list.doctor')}</Text>
                <StatusBadge status={a.status} />
              </Card.Body>
              <Card.Footer>
                <Button asChild variant="outline" width="full">
                  <Link
                    to={`${paths.appointments}/${a.id}`}
                    aria-label={t('list.openFor', { time: format.dayTime(a.startsAt) })}
                  >
                    {t('list.open')}
                  </Link>
                </Button>
              </Card.Footer>
            </Card.Root>
          );
        })}
      </Stack>
    </Stack>
  );
}

/** Upcoming and past appointments, as two tabs (the tab is kept in the URL for Back). */
export function AppointmentsListScreen() {
  const { t } = useTranslation('appointments');
  const [search, setSearch] = useSearchParams();
  const when: When = search.get('when') === 'past' ? 'past' : 'upcoming';
  return (
    <Stack gap="4">
      <Heading as="h1" size="xl">
        {t('list.title')}
      </Heading>
      <Tabs.Root
        value={when}
        onValueChange={(e) => setSearch(e.value === 'past' ? { when: 'past' } : {}, { replace: true })}
        variant="enclosed"
        fitted
        lazyMount
      >
        <Tabs.List>
          <Tabs.Trigger value="upcoming" minH="11">
            {t('list.upcoming')}
          </Tabs.Trigger>
          <Tabs.Trigger value="past" minH="11">
            {t('list.past')}
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="upcoming">
          <AppointmentList when="upcoming" />
        </Tabs.Content>
        <Tabs.Content value="past">
          <AppointmentList when="past" />
        </Tabs.Content>
      </Tabs.Root>
    </Stack>
  );
}
