import { Box, Heading, List, Stack, Text } from '@chakra-ui/react';
import { useApiQuery } from '@renderer/api/hooks';
import type { ClinicFormat } from '@renderer/app/clinic-format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { LoadingState } from '@renderer/components/StateViews';
import { TIMING_LABELS } from './consultation-form';

/** The patient's previous consultations and prescriptions, newest first (docs/product.md §8). */
export function HistoryPanel({
  patientId,
  appointmentId,
  format,
}: {
  patientId: string;
  appointmentId: string;
  format: ClinicFormat;
}) {
  const history = useApiQuery('consultations.patientHistory', { patientId, limit: 20 });
  const previous = (history.data ?? []).filter((v) => v.consultation.appointmentId !== appointmentId);
  return (
    <Box
      as="aside"
      aria-labelledby="history-heading"
      // Focusable, so a keyboard can scroll it when the history is longer than the screen.
      tabIndex={0}
      bg="bg.panel"
      borderWidth="1px"
      borderRadius="lg"
      p="4"
      maxH={{ xl: 'calc(100vh - 12rem)' }}
      overflowY="auto"
      position={{ xl: 'sticky' }}
      top="0"
      data-testid="history-panel"
    >
      <Heading as="h2" size="md" id="history-heading" mb="3">
        Previous visits
      </Heading>
      {history.isLoading && <LoadingState label="Loading the history…" />}
      <ErrorMessage error={history.error} />
      {history.data && previous.length === 0 && <Text color="fg.muted">No previous consultations.</Text>}
      <Stack gap="4">
        {previous.map(({ consultation: c, addenda }) => (
          <Box key={c.id} borderTopWidth="1px" pt="3">
            <Text fontWeight="semibold" fontSize="sm">
              {format.date(c.signedAt ?? c.createdAt)}
              {c.status === 'draft' && ' (draft)'}
            </Text>
            {c.diagnosis.text && (
              <Text fontSize="sm">
                {c.diagnosis.text}
                {c.diagnosis.code && ` (${c.diagnosis.code})`}
              </Text>
            )}
            {c.chiefComplaint && (
              <Text fontSize="xs" color="fg.muted">
                Complaint: {c.chiefComplaint}
              </Text>
            )}
            {c.prescription.length > 0 && (
              <List.Root ps="4" fontSize="xs" mt="1">
                {c.prescription.map((p, i) => (
                  <List.Item key={i}>
                    {p.medicine} {p.strength} · {p.dosePattern} · {TIMING_LABELS[p.timing].toLowerCase()} ·{' '}
                    {p.durationDays} d
                  </List.Item>
                ))}
              </List.Root>
            )}
            {c.tests.length > 0 && (
              <Text fontSize="xs" color="fg.muted" mt="1">
                Tests: {c.tests.map((t) => t.name).join(', ')}
              </Text>
            )}
            {addenda.length > 0 && (
              <Text fontSize="xs" color="fg.muted" mt="1">
                {addenda.length} addend{addenda.length === 1 ? 'um' : 'a'}
              </Text>
            )}
          </Box>
        ))}
      </Stack>
    </Box>
  );
}
