import { Box } from '@chakra-ui/react';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { ScreenHeader } from '@renderer/components/ScreenHeader';
import { LoadingState } from '@renderer/components/StateViews';
import { useClinicSettings } from '@renderer/app/clinic-format';
import { FormularyPanel } from './FormularyPanel';
import { MailSettingsPanel } from './MailSettingsPanel';
import { SettingsForm } from './SettingsForm';

/** Clinic settings and policies (`settings.get` / `settings.update`). */
export function SettingsScreen() {
  const settings = useClinicSettings();
  return (
    <>
      <ScreenHeader
        title="Clinic settings"
        description="The clinic's details, its booking, refund, reminder and session policies, and its outgoing e-mail."
      />
      <ErrorMessage error={settings.error} />
      {settings.isLoading && <LoadingState label="Loading the settings…" />}
      {settings.data && <SettingsForm settings={settings.data} />}
      <Box mt="5">
        <MailSettingsPanel />
      </Box>
      <Box mt="5">
        <FormularyPanel />
      </Box>
    </>
  );
}
