import { Alert, Button, Card, Heading, Stack, Text } from '@chakra-ui/react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '@renderer/companion/api/api-error';
import { useClinic, useFormat } from '@renderer/companion/api/clinic';
import { AsOf } from '@renderer/companion/shell/AsOf';
import { ErrorNote } from '@renderer/companion/shell/ErrorNote';
import { paths } from '@renderer/companion/shell/routes';
import { ScreenSkeleton } from '@renderer/companion/shell/ScreenSkeleton';
import { useDoctor } from '@renderer/companion/screens/booking/use-doctors';
import { CancelPanel } from './CancelPanel';
import { openPdf } from './open-pdf';
import { StatusBadge } from './StatusBadge';
import { StatusHistory } from './StatusHistory';
import { useAppointment } from './use-appointment';

/** One appointment: when and with whom, its history, and what the patient can do with it. */
export function AppointmentDetailScreen() {
  const { t } = useTranslation('appointments');
  const format = useFormat();
  const { id } = useParams();
  const detail = useAppointment(id);
  const clinic = useClinic().data?.data;
  const { doctor } = useDoctor(detail.data?.data.appointment.doctorId);
  const slip = useMutation({
    mutationFn: (appointmentId: string) =>
      openPdf(`/appointments/${appointmentId}/slip.pdf`, `appointment-${appointmentId}.pdf`),
  });

  if (detail.isPending) return <ScreenSkeleton />;
  if (detail.isError) return <ErrorNote error={detail.error} onRetry={() => void detail.refetch()} />;
  const { appointment, history } = detail.data.data;
  const open = appointment.status === 'REQUESTED' || appointment.status === 'CONFIRMED';
  const pendingRequest = history.requests.some((r) => r.status === 'PENDING');
  return (
    <Stack gap="5">
      <Heading as="h1" size="xl">
        {t('detail.title')}
      </Heading>
      <AsOf asOf={detail.data.asOf} />
      <Card.Root>
        <Card.Body gap="1">
          <Text fontSize="lg" fontWeight="semibold" data-testid="detail-time">
            {format.dayTime(appointment.startsAt)}
          </Text>
          {doctor && (
            <Text>
              {doctor.fullName} · {doctor.specialization}
            </Text>
          )}
          <Text>{t(appointment.type === 'FOLLOW_UP' ? 'detail.followUp' : 'detail.newVisit')}</Text>
          {appointment.number && <Text>{t('detail.number', { number: appointment.number })}</Text>}
          <StatusBadge status={appointment.status} />
          {appointment.note && <Text color="fg.muted">{appointment.note}</Text>}
        </Card.Body>
      </Card.Root>

      {clinic && <CancelPanel appointment={appointment} clinic={clinic} />}

      {open && clinic && (
        <Stack gap="2">
          {pendingRequest ? (
            <Text data-testid="request-pending">{t('reschedule.pending')}</Text>
          ) : (
            <Button asChild variant="outline">
              <Link to={`${paths.appointments}/${appointment.id}/reschedule`}>
                {clinic.patientDirectReschedule ? t('reschedule.move') : t('reschedule.ask')}
              </Link>
            </Button>
          )}
        </Stack>
      )}

      {appointment.status !== 'CANCELLED' && (
        <Stack gap="2">
          <Button variant="outline" loading={slip.isPending} onClick={() => slip.mutate(appointment.id)}>
            {t('detail.slip')}
          </Button>
          {slip.isError && (
            <Alert.Root status="error" role="alert">
              <Alert.Indicator />
              <Alert.Description>
                {isApiError(slip.error) && slip.error.offline ? t('detail.slipOffline') : t('errors.generic')}
              </Alert.Description>
            </Alert.Root>
          )}
        </Stack>
      )}

      <StatusHistory history={history} />

      <Button asChild variant="ghost">
        <Link to={paths.appointments}>{t('detail.all')}</Link>
      </Button>
    </Stack>
  );
}
