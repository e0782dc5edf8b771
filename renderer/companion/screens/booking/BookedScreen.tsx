import { Alert, Button, Heading, Stack, Text } from '@chakra-ui/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { z } from 'zod';
import type { appointmentDetailSchema } from '@shared/gateway/appointments.schema';
import { useFormat } from '@renderer/companion/api/clinic';
import { useGet } from '@renderer/companion/api/queries';
import { ErrorNote } from '@renderer/companion/shell/ErrorNote';
import { paths } from '@renderer/companion/shell/routes';
import { ScreenSkeleton } from '@renderer/companion/shell/ScreenSkeleton';
import { useDoctor } from './use-doctors';

type Detail = z.infer<typeof appointmentDetailSchema>;

/** Step 5: booked (confirmed) or requested (the clinic confirms), read back from the hub. */
export function BookedScreen() {
  const { t } = useTranslation('booking');
  const format = useFormat();
  const { id } = useParams();
  const detail = useGet<Detail>([`/appointments/${id}`]);
  const { doctor } = useDoctor(detail.data?.data.appointment.doctorId);
  if (detail.isPending) return <ScreenSkeleton />;
  if (detail.isError) return <ErrorNote error={detail.error} onRetry={() => void detail.refetch()} />;
  const { appointment } = detail.data.data;
  const requested = appointment.status === 'REQUESTED';
  return (
    <Stack gap="4">
      <Alert.Root status={requested ? 'info' : 'success'} role="status">
        <Alert.Indicator />
        <Alert.Content>
          <Alert.Title>
            <Heading as="h1" size="lg">
              {requested ? t('booked.requestedTitle') : t('booked.bookedTitle')}
            </Heading>
          </Alert.Title>
          <Alert.Description>
            {requested ? t('booked.requestedText') : t('booked.bookedText')}
          </Alert.Description>
        </Alert.Content>
      </Alert.Root>
      <Stack gap="1">
        {doctor && <Text fontWeight="semibold">{doctor.fullName}</Text>}
        <Text fontSize="lg">{format.dayTime(appointment.startsAt)}</Text>
        {appointment.number && <Text>{t('booked.number', { number: appointment.number })}</Text>}
      </Stack>
      <Button asChild colorPalette="teal">
        <Link to={`${paths.appointments}/${appointment.id}`}>{t('booked.view')}</Link>
      </Button>
      <Button asChild variant="outline">
        <Link to={paths.appointments}>{t('booked.all')}</Link>
      </Button>
    </Stack>
  );
}
