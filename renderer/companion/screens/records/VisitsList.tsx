import { Stack, Text } from '@chakra-ui/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@renderer/companion/api/clinic';
import { useGet } from '@renderer/companion/api/queries';
import { AsOf } from '@renderer/companion/shell/AsOf';
import { ErrorNote } from '@renderer/companion/shell/ErrorNote';
import { paths } from '@renderer/companion/shell/routes';
import { ScreenSkeleton } from '@renderer/companion/shell/ScreenSkeleton';
import { RecordCard } from './RecordCard';
import type { PatientConsultation } from './records-types';
import { useDoctorName } from './use-doctors';

/** Signed visit summaries, newest first. */
export function VisitsList() {
  const { t } = useTranslation('records');
  const format = useFormat();
  const doctorName = useDoctorName();
  const query = useGet<PatientConsultation[]>(['/consultations']);
  if (query.isPending) return <ScreenSkeleton />;
  if (query.isError) return <ErrorNote error={query.error} onRetry={() => void query.refetch()} />;
  const visits = query.data.data
    .filter((c) => c.signedAt !== null)
    .sort((a, b) => (a.signedAt! < b.signedAt! ? 1 : -1));
  return (
    <Stack gap="3">
      <AsOf asOf={query.data.asOf} />
      {visits.length === 0 ? (
        <Text>{t('visits.empty')}</Text>
      ) : (
        <Stack as="ul" gap="3" m="0" p="0">
          {visits.map((visit) => {
            const day = format.longDay(visit.signedAt!);
            return (
              <RecordCard
                key={visit.id}
                to={`${paths.records}/visits/${visit.id}`}
                title={visit.diagnosis.text || t('summary.title')}
              >
                <Text fontSize="sm">{doctorName(visit.doctorId)}</Text>
                <Text fontSize="sm" color="fg.muted">
                  {t('visits.signedOn', { day })}
                </Text>
              </RecordCard>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
