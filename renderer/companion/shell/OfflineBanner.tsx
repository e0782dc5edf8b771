import { Box } from '@chakra-ui/react';
import { useTranslation } from 'react-i18next';
import { useOnline } from './use-online';

/** Says what still works while the phone is offline. */
export function OfflineBanner() {
  const { t } = useTranslation();
  if (useOnline()) return null;
  return (
    <Box role="status" bg="orange.100" color="orange.900" px="4" py="2" fontSize="sm">
      {t('offline.banner')}
    </Box>
  );
}
