import { Badge, Button, Card, Heading, Stack, Text } from '@chakra-ui/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PatientAppointment } from '@shared/gateway/appointments.schema';
import type { ClinicInfo } from '@renderer/companion/api/clinic';
import { useFormat } from '@renderer/companion/api/clinic';
import { paths } from '@renderer/companion/shell/routes';
import { appointmentIcs, downloadIcs } from './calendar-ics';

interface Props {
  appointment: PatientAppointment | undefined;
  doctorName: string | undefined;
  clinic: ClinicInfo | undefined;
  /** My token, when this visit is checked in today. */
  token: string | null;
}

/** The next visit: doctor, day and time, number, today's token, and "add to calendar". */
export function NextAppointmentCard({ appointment, doctorName, clinic, token }: Props) {
  const { t } = useTranslation('home');
  const format = useFormat();
  if (!appointment) {
    return (
      <Card.Root variant="outline">
        <Card.Body>
          <Stack gap="3">
            <Heading as="h2" size="md">
              {t('next.heading')}
            </Heading>
            <Text>{t('next.none')}</Text>
            <Button asChild size="lg" colorPalette="teal" alignSelf="start">
              <Link to={paths.book}>{t('next.book')}</Link>
            </Button>
          </Stack>
        </Card.Body>
      </Card.Root>
    );
  }
  const doctor = doctorName ?? t('next.doctorUnknown');
  const number = appointment.number;
  const addToCalendar = () => {
    const ics = appointmentIcs({
      id: appointment.id,
      startsAt: appointment.startsAt,
      endsAt: appointment.endsAt,
      summary: t('next.calendarSummary', { doctor }),
      description: [
        number
          ? t('next.calendarDescription', { number, clinic: clinic?.clinicName ?? '' })
          : (clinic?.clinicName ?? ''),
        appointment.meetingLink ?? '',
        clinic?.phone ?? '',
      ]
        .filter(Boolean)
        .join('\n'),
      location: [clinic?.clinicName, clinic?.address].filter(Boolean).join(', '),
      now: new Date().toISOString(),
    });
    downloadIcs(`appointment-${number ?? appointment.id}.ics`, ics);
  };
  return (
    <Card.Root variant="outline" data-testid="next-appointment">
      <Card.Body>
        <Stack gap="2">
          <Heading as="h2" size="md">
            {t('next.heading')}
          </Heading>
          <Text textStyle="xl" fontWeight="bold">
            {format.dayTime(appointment.startsAt)}
          </Text>
          <Text>{t('next.with', { doctor })}</Text>
          {number && <Text color="fg.muted">{t('next.number', { number })}</Text>}
          {appointment.mode === 'ONLINE' && (
            <Badge alignSelf="start" colorPalette="purple">
              {t('next.video')}
            </Badge>
          )}
          {appointment.status === 'REQUESTED' && <Text color="orange.700">{t('next.requested')}</Text>}
          {token && (
            <Text fontWeight="semibold" data-testid="next-token">
              {t('next.token', { token })}
            </Text>
          )}
          <Button size="lg" variant="outline" alignSelf="start" mt="2" onClick={addToCalendar}>
            {t('next.addToCalendar')}
          </Button>
        </Stack>
      </Card.Body>
    </Card.Root>
  );
}
