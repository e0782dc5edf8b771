import { useMemo } from 'react';
import { unnamedDeviceLabel } from '@shared/rules/device-label';
import { useApiQuery } from '@renderer/api/hooks';

/**
 * The name of a device by its id ("Reception PC", "Chrome on Windows"), as the hub knows it
 * (devices.names); never the raw id. Offline on a desktop the hub cannot answer: then a short
 * label ("Device 34cc3a39").
 */
export function useDeviceNames(): (deviceId: string) => string {
  const { data } = useApiQuery('devices.names', {}, { staleTime: 60_000, retry: false });
  return useMemo(() => {
    const names = new Map((data ?? []).map((d) => [d.id, d.name]));
    return (deviceId: string) => names.get(deviceId) ?? unnamedDeviceLabel(deviceId);
  }, [data]);
}
