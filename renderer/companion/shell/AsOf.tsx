import { Badge } from '@chakra-ui/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@renderer/companion/api/clinic';

/** "As of 10:42": shown on data the service worker answered from its cache while offline. */
export function AsOf({ asOf }: { asOf: string | null | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!asOf) return null;
  return (
    <Badge colorPalette="orange" variant="subtle" data-testid="as-of">
      {t('offline.asOf', { time: format.time(asOf) })}
    </Badge>
  );
}
