import { Box, Stack, Text } from '@chakra-ui/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@renderer/companion/api/clinic';
import { useGet } from '@renderer/companion/api/queries';
import { AsOf } from '@renderer/companion/shell/AsOf';
import { ErrorNote } from '@renderer/companion/shell/ErrorNote';
import { ScreenSkeleton } from '@renderer/companion/shell/ScreenSkeleton';
import { patientDocuments } from './documents';
import { PdfActions } from './PdfActions';
import type { PatientAppointment, PatientBillView, PatientConsultation } from './records-types';
import { useDoctorName } from './use-doctors';

/** Prescriptions, receipts and appointment slips, each to open or save as a PDF. */
export function DocumentsList() {
  const { t } = useTranslation('records');
  const format = useFormat();
  const doctorName = useDoctorName();
  const consultations = useGet<PatientConsultation[]>(['/consultations']);
  const bills = useGet<PatientBillView[]>(['/bills']);
  const upcoming = useGet<PatientAppointment[]>(['/appointments', { when: 'upcoming' }]);
  const queries = [consultations, bills, upcoming];
  if (queries.some((q) => q.isPending)) return <ScreenSkeleton />;
  const failed = queries.find((q) => q.isError);
  if (failed || !consultations.data || !bills.data || !upcoming.data)
    return (
      <ErrorNote
        error={failed?.error}
        onRetry={() => queries.forEach((q) => q.isError && void q.refetch())}
      />
    );
  const documents = patientDocuments(consultations.data.data, bills.data.data, upcoming.data.data);
  const asOf = queries.map((q) => q.data?.asOf).find(Boolean);
  return (
    <Stack gap="3">
      <AsOf asOf={asOf} />
      {documents.length === 0 ? (
        <Text>{t('documents.empty')}</Text>
      ) : (
        <Stack as="ul" gap="3" m="0" p="0">
          {documents.map((document) => {
            const kind = t(`documents.${document.kind}`);
            const name = document.number ? `${kind} ${document.number}` : kind;
            const when = document.kind === 'slip' ? format.dayTime(document.at) : format.longDay(document.at);
            return (
              <Box
                as="li"
                key={document.key}
                listStyleType="none"
                borderWidth="1px"
                borderRadius="md"
                p="3"
                bg="bg.panel"
                data-testid={document.key}
              >
                <Text fontWeight="semibold">{name}</Text>
                <Text fontSize="sm">{doctorName(document.doctorId)}</Text>
                <Text fontSize="sm" color="fg.muted" mb="2">
                  {when}
                </Text>
                <PdfActions path={document.path} fileName={document.fileName} name={name} />
              </Box>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
