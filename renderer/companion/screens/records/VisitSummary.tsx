import { Box, Heading, Stack, Text } from '@chakra-ui/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormat } from '@renderer/companion/api/clinic';
import { useGet } from '@renderer/companion/api/queries';
import { AsOf } from '@renderer/companion/shell/AsOf';
import { ErrorNote } from '@renderer/companion/shell/ErrorNote';
import { paths } from '@renderer/companion/shell/routes';
import { ScreenSkeleton } from '@renderer/companion/shell/ScreenSkeleton';
import { patientDocuments } from './documents';
import { PdfActions } from './PdfActions';
import type { PatientConsultation } from './records-types';
import { useDoctorName } from './use-doctors';
import { RecordSection } from './RecordSection';

/** One signed visit (/records/visits/:id): diagnosis, advice, prescription, tests, follow-up. */
export function VisitSummary() {
  const { id } = useParams();
  const { t } = useTranslation('records');
  const format = useFormat();
  const doctorName = useDoctorName();
  // The list answers every summary; one is read from it (no single-summary route).
  const query = useGet<PatientConsultation[]>(['/consultations']);
  const back = (
    <Link to={`${paths.records}/visits`}>
      <Text as="span" display="inline-flex" minH="44px" alignItems="center" color="teal.800">
        ← {t('summary.back')}
      </Text>
    </Link>
  );
  if (query.isPending) return <ScreenSkeleton />;
  if (query.isError) return <ErrorNote error={query.error} onRetry={() => void query.refetch()} />;
  const visit = query.data.data.find((c) => c.id === id && c.signedAt !== null);
  if (!visit)
    return (
      <Stack gap="3">
        <Text>{t('summary.notFound')}</Text>
        {back}
      </Stack>
    );
  const [prescription] = patientDocuments([visit], []);
  const { diagnosis } = visit;
  return (
    <Stack gap="3">
      {back}
      <AsOf asOf={query.data.asOf} />
      <Box>
        <Heading as="h2" size="lg">
          {t('summary.title')}
        </Heading>
        <Text>{doctorName(visit.doctorId)}</Text>
        <Text color="fg.muted">{format.longDay(visit.signedAt!)}</Text>
      </Box>
      <RecordSection title={t('summary.diagnosis')}>
        <Text data-testid="diagnosis">
          {diagnosis.text || t('summary.noDiagnosis')}
          {diagnosis.code ? ` (${diagnosis.code})` : ''}
        </Text>
      </RecordSection>
      <RecordSection title={t('summary.advice')}>
        <Text whiteSpace="pre-wrap">{visit.advice || t('summary.noAdvice')}</Text>
      </RecordSection>
      <RecordSection title={t('summary.prescription')}>
        {visit.prescription.length === 0 ? (
          <Text>{t('summary.noPrescription')}</Text>
        ) : (
          <Stack as="ul" gap="2" m="0" pl="4">
            {visit.prescription.map((item, index) => (
              <li key={index}>
                <Text fontWeight="semibold">
                  {item.medicine}
                  {item.strength ? ` ${item.strength}` : ''}
                </Text>
                <Text fontSize="sm">
                  {t('summary.dose', { pattern: item.dosePattern, days: item.durationDays })} ·{' '}
                  {t(`summary.timing.${item.timing}`)}
                </Text>
                {item.instructions && <Text fontSize="sm">{item.instructions}</Text>}
              </li>
            ))}
          </Stack>
        )}
        {prescription && (
          <Box mt="3">
            <PdfActions
              path={prescription.path}
              fileName={prescription.fileName}
              name={t('documents.prescription')}
            />
          </Box>
        )}
      </RecordSection>
      <RecordSection title={t('summary.tests')}>
        {visit.tests.length === 0 ? (
          <Text>{t('summary.noTests')}</Text>
        ) : (
          <Stack as="ul" gap="1" m="0" pl="4">
            {visit.tests.map((test, index) => (
              <li key={index}>
                <Text>
                  {test.name}
                  {test.notes ? ` — ${test.notes}` : ''}
                </Text>
              </li>
            ))}
          </Stack>
        )}
      </RecordSection>
      <RecordSection title={t('summary.followUp')}>
        <Text>
          {visit.followUpDate
            ? t('summary.followUpOn', { day: format.longDay(visit.followUpDate) })
            : t('summary.noFollowUp')}
        </Text>
      </RecordSection>
    </Stack>
  );
}
