import { Skeleton, SkeletonText, Stack } from '@chakra-ui/react';
import { useTranslation } from 'react-i18next';

/** The shape of a screen while its data comes: no spinner. */
export function ScreenSkeleton({ rows = 3 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap="4" aria-busy="true" aria-label={t('loading')}>
      <Skeleton height="8" width="60%" />
      {Array.from({ length: rows }, (_, index) => (
        <SkeletonText key={index} noOfLines={3} gap="2" />
      ))}
    </Stack>
  );
}
