import { Box, Container, Flex, Heading } from '@chakra-ui/react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useClinic } from '@renderer/companion/api/clinic';
import { useGet } from '@renderer/companion/api/queries';
import { BottomNav } from './BottomNav';
import { OfflineBanner } from './OfflineBanner';
import { ScreenSkeleton } from './ScreenSkeleton';

/** The unread count the inbox badge shows (GET /notifications answers it with the list). */
function useUnread(): number {
  return useGet<{ unread: number }>(['/notifications']).data?.data.unread ?? 0;
}

/** The signed-in frame: the clinic's name on top, the screen, the bottom bar. */
export function AppShell() {
  const { t } = useTranslation();
  const clinic = useClinic().data?.data;
  const unread = useUnread();
  return (
    <Flex direction="column" minH="100dvh" bg="bg.canvas">
      <Box as="header" bg="teal.700" color="white" px="4" py="3" pt="calc(env(safe-area-inset-top) + 12px)">
        <Heading as="p" size="md">
          {clinic?.clinicName ?? t('appName')}
        </Heading>
      </Box>
      <OfflineBanner />
      <Container as="main" flex="1" maxW="2xl" px="4" py="4">
        <Suspense fallback={<ScreenSkeleton />}>
          <Outlet />
        </Suspense>
      </Container>
      <BottomNav unread={unread} />
    </Flex>
  );
}
