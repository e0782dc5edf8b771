import { Separator, Stack, Text } from '@chakra-ui/react';
import { useState } from 'react';
import { useApiQuery } from '@renderer/api/hooks';
import { Panel } from '@renderer/components/admin/Panel';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { LoadingState } from '@renderer/components/StateViews';
import { MailSettingsForm } from './MailSettingsForm';
import { TestEmail } from './TestEmail';

/** Outgoing e-mail (SMTP): kept on the hub only, so it needs the hub (`messages.mailSettings`). */
export function MailSettingsPanel() {
  const settings = useApiQuery('messages.mailSettings', {});
  const [unsaved, setUnsaved] = useState(false);
  return (
    <Panel title="Outgoing e-mail (SMTP)">
      <Text color="fg.muted" mb="3" mt="-2" fontSize="sm">
        The clinic&apos;s mail server, for confirmations, reminders and receipts by e-mail. The password stays
        on the hub and is never shown again.
      </Text>
      <Stack gap="5">
        <ErrorMessage error={settings.error} />
        {settings.isLoading && <LoadingState label="Loading the e-mail settings…" />}
        {settings.data && (
          <>
            {/* Keyed, so a save elsewhere reloads the form; the test e-mail sits outside it, so
                the address being typed survives the refetch that follows a save. */}
            <MailSettingsForm
              key={settings.data.updatedAt ?? 'new'}
              view={settings.data}
              onDirtyChange={setUnsaved}
            />
            <Separator />
            <TestEmail unsaved={unsaved} />
          </>
        )}
      </Stack>
    </Panel>
  );
}
