import { Button, Card, Heading, Stack, Text } from '@chakra-ui/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '@renderer/companion/api/clinic';
import { AsOf } from '@renderer/companion/shell/AsOf';
import { ErrorNote } from '@renderer/companion/shell/ErrorNote';
import { paths } from '@renderer/companion/shell/routes';
import { ScreenSkeleton } from '@renderer/companion/shell/ScreenSkeleton';
import { useDoctors } from './use-doctors';

/** Step 1: the clinic's doctors with their specialization, fees and next free day. */
export function DoctorsScreen() {
  const { t } = useTranslation('booking');
  const format = useFormat();
  const doctors = useDoctors();
  if (doctors.isPending) return <ScreenSkeleton />;
  if (doctors.isError) return <ErrorNote error={doctors.error} onRetry={() => void doctors.refetch()} />;
  return (
    <Stack gap="4">
      <Heading as="h1" size="xl">
        {t('doctors.title')}
      </Heading>
      <AsOf asOf={doctors.data.asOf} />
      {doctors.data.data.length === 0 && <Text>{t('doctors.none')}</Text>}
      <Stack as="ul" gap="3" listStyleType="none" m="0" p="0">
        {doctors.data.data.map((doctor) => (
          <Card.Root as="li" key={doctor.id} data-doctor={doctor.fullName}>
            <Card.Body gap="1">
              <Heading as="h2" size="md">
                {doctor.fullName}
              </Heading>
              <Text>
                {doctor.specialization}
                {doctor.qualification ? ` · ${doctor.qualification}` : ''}
              </Text>
              <Text color="fg.muted">
                {t('doctors.fees', {
                  newVisit: format.money(doctor.fees.newVisit),
                  followUp: format.money(doctor.fees.followUp),
                })}
              </Text>
              <Text fontWeight="semibold">
                {doctor.nextFreeDay
                  ? t('doctors.nextFree', { day: format.day(doctor.nextFreeDay) })
                  : t('doctors.noneFree')}
              </Text>
            </Card.Body>
            <Card.Footer>
              {doctor.nextFreeDay && (
                <Button asChild colorPalette="teal" width="full">
                  <Link
                    to={`${paths.book}/${doctor.id}`}
                    aria-label={t('doctors.chooseFor', { name: doctor.fullName })}
                  >
                    {t('doctors.choose')}
                  </Link>
                </Button>
              )}
            </Card.Footer>
          </Card.Root>
        ))}
      </Stack>
    </Stack>
  );
}
