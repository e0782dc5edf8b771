import { Heading, Stack } from '@chakra-ui/react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { PatientAppointment } from '@shared/gateway/appointments.schema';
import type { publicDoctorSchema } from '@shared/gateway/clinic.schema';
import { useClinic } from '@renderer/companion/api/clinic';
import { useGet } from '@renderer/companion/api/queries';
import { AsOf } from '@renderer/companion/shell/AsOf';
import { ErrorNote } from '@renderer/companion/shell/ErrorNote';
import { ScreenSkeleton } from '@renderer/companion/shell/ScreenSkeleton';
import { ClinicCard } from './ClinicCard';
import { LiveQueueCard } from './LiveQueueCard';
import { NextAppointmentCard } from './NextAppointmentCard';
import { useLiveQueue } from './use-live-queue';

type PublicDoctor = z.infer<typeof publicDoctorSchema>;

/** Visits still ahead (or under way today), soonest first. */
const ACTIVE = new Set(['REQUESTED', 'CONFIRMED', 'CHECKED_IN']);
function nextOf(list: readonly PatientAppointment[] | undefined): PatientAppointment | undefined {
  return list
    ?.filter((a) => ACTIVE.has(a.status))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id))[0];
}

/** Home: on the day the live queue card, then the next visit and the clinic's contact details. */
export default function HomeScreen() {
  const { t } = useTranslation('home');
  const upcoming = useGet<PatientAppointment[]>(['/appointments', { when: 'upcoming' }]);
  const doctors = useGet<PublicDoctor[]>(['/doctors'], { staleTime: 10 * 60_000 });
  const clinic = useClinic();
  const queue = useLiveQueue();
  const position = queue.data?.data.position ?? null;
  const next = nextOf(upcoming.data?.data);
  const doctorName = doctors.data?.data.find((d) => d.id === next?.doctorId)?.fullName;

  return (
    <Stack gap="4">
      <Heading as="h1" size="xl">
        {t('title')}
      </Heading>
      <AsOf asOf={upcoming.data?.asOf} />
      {position && <LiveQueueCard position={position} live={queue.live} />}
      {upcoming.isPending ? (
        <ScreenSkeleton rows={1} />
      ) : upcoming.isError ? (
        <ErrorNote error={upcoming.error} onRetry={() => void upcoming.refetch()} />
      ) : (
        <NextAppointmentCard
          appointment={next}
          doctorName={doctorName}
          clinic={clinic.data?.data}
          token={position && position.appointmentId === next?.id ? position.token : null}
        />
      )}
      {clinic.data && <ClinicCard clinic={clinic.data.data} />}
    </Stack>
  );
}
