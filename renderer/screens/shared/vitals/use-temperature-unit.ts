import type { TemperatureUnit } from '@shared/rules/vitals-ranges';
import { useClinicSettings } from '@renderer/app/clinic-format';

/** The unit this clinic enters and reads temperatures in (stored in °C whatever it is). */
export function useTemperatureUnit(): { unit: TemperatureUnit; loading: boolean } {
  const settings = useClinicSettings();
  return { unit: settings.data?.temperatureUnit ?? 'C', loading: settings.isLoading };
}
