import { Alert, Badge, Box, HStack, Stack, Text } from '@chakra-ui/react';
import { keepPreviousData } from '@tanstack/react-query';
import { smsSize } from '@shared/rules/sms-segments';
import { toApiError } from '@renderer/api/form-errors';
import { useApiQuery } from '@renderer/api/hooks';
import { Panel } from '@renderer/components/admin/Panel';
import { useDebounced } from '@renderer/screens/shared/appointments/PatientPicker';
import type { TextChoice } from './message-labels';

/** The text as a patient would get it, filled with sample values on the hub (`messages.preview`). */
export function TemplatePreview({
  choice,
  subject,
  body,
}: {
  choice: TextChoice;
  subject: string;
  body: string;
}) {
  // A string, so that an unchanged text does not restart the wait.
  const settled = JSON.parse(useDebounced(JSON.stringify({ subject, body }), 300)) as {
    subject: string;
    body: string;
  };
  const sms = choice.channel === 'sms';
  const preview = useApiQuery(
    'messages.preview',
    { ...choice, subject: sms ? '' : settled.subject, body: settled.body },
    { enabled: settled.body.trim() !== '', placeholderData: keepPreviousData, retry: false },
  );
  const shown = preview.data;
  const size = shown && sms ? smsSize(shown.body) : null;

  return (
    <Panel
      title="Preview"
      actions={
        size && (
          <Badge colorPalette={size.segments > 2 ? 'orange' : 'gray'} data-testid="sms-segments">
            {size.segments} SMS {size.segments === 1 ? 'segment' : 'segments'} · {size.encoding} ·{' '}
            {size.units} characters
          </Badge>
        )
      }
    >
      <Stack gap="3" aria-live="polite">
        <Text color="fg.muted" fontSize="sm">
          With a sample patient and appointment, and the clinic&apos;s own name.
        </Text>
        {preview.isError && (
          <Alert.Root status="warning" role="alert">
            <Alert.Indicator />
            <Alert.Content>
              <Alert.Title>No preview</Alert.Title>
              <Alert.Description>{toApiError(preview.error).message}</Alert.Description>
            </Alert.Content>
          </Alert.Root>
        )}
        {shown && (
          <Box
            data-testid="template-preview"
            borderWidth="1px"
            borderRadius={sms ? 'xl' : 'md'}
            bg={sms ? 'teal.subtle' : 'bg'}
            p="4"
            opacity={preview.isPlaceholderData || preview.isError ? 0.6 : 1}
          >
            {!sms && (
              <HStack mb="3" pb="2" borderBottomWidth="1px" gap="2" align="baseline">
                <Text fontSize="sm" color="fg.muted">
                  Subject
                </Text>
                <Text fontWeight="semibold" data-testid="preview-subject">
                  {shown.subject}
                </Text>
              </HStack>
            )}
            <Text whiteSpace="pre-wrap" data-testid="preview-body">
              {shown.body}
            </Text>
          </Box>
        )}
      </Stack>
    </Panel>
  );
}
