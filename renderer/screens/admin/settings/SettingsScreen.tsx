import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { ScreenHeader } from '@renderer/components/ScreenHeader';
import { LoadingState } from '@renderer/components/StateViews';
import { useClinicSettings } from '@renderer/app/clinic-format';
import { SettingsForm } from './SettingsForm';

/** Clinic settings and policies (`settings.get` / `settings.update`). */
export function SettingsScreen() {
  const settings = useClinicSettings();
  return (
    <>
      <ScreenHeader
        title="Clinic settings"
        description="The clinic's details and its booking, refund and session policies."
      />
      <ErrorMessage error={settings.error} />
      {settings.isLoading && <LoadingState label="Loading the settings…" />}
      {settings.data && <SettingsForm settings={settings.data} />}
    </>
  );
}
