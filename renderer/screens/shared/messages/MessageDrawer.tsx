import { Box, Button, CloseButton, DataList, Drawer, Heading, Portal, Stack, Text } from '@chakra-ui/react';
import type { ReactNode } from 'react';
import type { Notification } from '@shared/domain/notification.schema';
import { smsSize } from '@shared/rules/sms-segments';
import { useApiMutation } from '@renderer/api/hooks';
import { type ClinicFormat, useClinicFormat } from '@renderer/app/clinic-format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { usePatients } from '@renderer/screens/shared/appointments/use-people';
import { CHANNEL_LABELS, KIND_LABELS, LANGUAGE_LABELS } from './message-labels';
import { MessageStateBadge } from './MessageStateBadge';

/**
 * One message as it was sent or is queued: who it went to, the text, the delivery times, the
 * reason it failed or was skipped, and "Send again" for a failed one.
 */
export function MessageDrawer({
  message,
  onClose,
  onRetried,
}: {
  message: Notification | null;
  onClose: () => void;
  /** The message as the hub left it after a retry (pending again). */
  onRetried: (message: Notification) => void;
}) {
  return (
    <Drawer.Root open={message !== null} onOpenChange={(e) => !e.open && onClose()} size="md">
      <Portal>
        <Drawer.Backdrop />
        <Drawer.Positioner>
          <Drawer.Content data-testid="message-drawer">
            {message && <MessageDetail key={message.id} message={message} onRetried={onRetried} />}
            <Drawer.CloseTrigger asChild>
              <CloseButton size="sm" aria-label="Close" />
            </Drawer.CloseTrigger>
          </Drawer.Content>
        </Drawer.Positioner>
      </Portal>
    </Drawer.Root>
  );
}

function MessageDetail({
  message: m,
  onRetried,
}: {
  message: Notification;
  onRetried: (message: Notification) => void;
}) {
  const format = useClinicFormat();
  const patient = usePatients(m.patientId ? [m.patientId] : []).get(m.patientId ?? '');
  const retry = useApiMutation('notifications.retry', { onSuccess: onRetried });
  return (
    <>
      <Drawer.Header>
        <Drawer.Title>
          {KIND_LABELS[m.kind]} · {CHANNEL_LABELS[m.channel]}
        </Drawer.Title>
      </Drawer.Header>
      <Drawer.Body>
        <Stack gap="6">
          <Details m={m} format={format} patient={patient ? `${patient.fullName} · ${patient.code}` : null} />
          {m.state === 'failed' && (
            <Stack gap="2" align="flex-start">
              <Button
                colorPalette="teal"
                loading={retry.isPending}
                onClick={() => retry.mutate({ id: m.id })}
              >
                Retry
              </Button>
              <Text color="fg.muted" fontSize="sm">
                Puts it back in the queue to be sent now.
              </Text>
            </Stack>
          )}
          <ErrorMessage error={retry.error} />
          {retry.isSuccess && m.state !== 'failed' && (
            <Text role="status" color="fg.muted" fontSize="sm">
              Queued again{m.nextAttemptAt ? ` for ${format.time(m.nextAttemptAt)}` : ''}.
            </Text>
          )}
          <MessageText m={m} />
        </Stack>
      </Drawer.Body>
    </>
  );
}

function Details({ m, format, patient }: { m: Notification; format: ClinicFormat; patient: string | null }) {
  const rows: [string, ReactNode][] = [['State', <MessageStateBadge key="s" state={m.state} />]];
  if (m.reason) {
    rows.push([
      m.state === 'skipped' ? 'Why skipped' : m.state === 'failed' ? 'Error' : 'Last error',
      <Text key="r" color={m.state === 'failed' ? 'fg.error' : undefined} data-testid="message-reason">
        {m.reason}
      </Text>,
    ]);
  }
  if (m.patientId) rows.push(['Patient', patient ?? '…']);
  rows.push(['To', m.channel === 'in_app' ? 'The patient’s app inbox' : m.recipient || '— (none on record)']);
  rows.push(['Language', LANGUAGE_LABELS[m.language]]);
  rows.push(['Attempts', String(m.attempts)]);
  rows.push(['Made', format.dateTime(m.createdAt)]);
  rows.push(['Due', format.dateTime(m.dueAt)]);
  if (m.nextAttemptAt) rows.push(['Next attempt', format.dateTime(m.nextAttemptAt)]);
  if (m.sentAt) rows.push([m.channel === 'in_app' ? 'Delivered' : 'Sent', format.dateTime(m.sentAt)]);
  if (m.readAt) rows.push(['Read', format.dateTime(m.readAt)]);
  if (m.attachment)
    rows.push(['Attachment', m.attachment === 'receipt' ? 'Receipt (PDF)' : 'Prescription (PDF)']);
  return (
    <DataList.Root orientation="horizontal" size="md">
      {rows.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel minW="7rem">{label}</DataList.ItemLabel>
          <DataList.ItemValue>{value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList.Root>
  );
}

/** The text as the patient gets (or got) it, line breaks kept; an SMS with its size. */
function MessageText({ m }: { m: Notification }) {
  const size = m.channel === 'sms' ? smsSize(m.body) : null;
  return (
    <Stack gap="2" as="section" aria-label="Message text">
      <Heading as="h2" size="md">
        {m.state === 'sent' ? 'Text as sent' : 'Text'}
      </Heading>
      <Box bg="bg.muted" borderRadius="md" p="3" data-testid="message-text">
        {m.subject && (
          <Text fontWeight="semibold" mb="2">
            {m.subject}
          </Text>
        )}
        <Text whiteSpace="pre-wrap" overflowWrap="anywhere">
          {m.body}
        </Text>
      </Box>
      {size && (
        <Text color="fg.muted" fontSize="sm" data-testid="message-size">
          {m.segments ?? size.segments} {(m.segments ?? size.segments) === 1 ? 'segment' : 'segments'} ·{' '}
          {size.units} characters · {size.encoding}
        </Text>
      )}
    </Stack>
  );
}
