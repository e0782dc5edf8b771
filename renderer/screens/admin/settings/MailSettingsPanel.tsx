import { Stack, Text } from '@chakra-ui/react';
import { useApiQuery } from '@renderer/api/hooks';
import { Panel } from '@renderer/components/admin/Panel';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { LoadingState } from '@renderer/components/StateViews';
import { MailSettingsForm } from './MailSettingsForm';

/** Outgoing e-mail (SMTP): kept on the hub only, so it needs the hub (`messages.mailSettings`). */
export function MailSettingsPanel() {
  const settings = useApiQuery('messages.mailSettings', {});
  return (
    <Panel title="Outgoing e-mail (SMTP)">
      <Text color="fg.muted" mb="3" mt="-2" fontSize="sm">
        The clinic&apos;s mail server, for confirmations, reminders and receipts by e-mail. The password stays
        on the hub and is never shown again.
      </Text>
      <Stack gap="5">
        <ErrorMessage error={settings.error} />
        {settings.isLoading && <LoadingState label="Loading the e-mail settings…" />}
        {settings.data && <MailSettingsForm key={settings.data.updatedAt ?? 'new'} view={settings.data} />}
      </Stack>
    </Panel>
  );
}
