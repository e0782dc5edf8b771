import { Box, Container, Heading, Link, Stack, Text } from '@chakra-ui/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClinicInfo } from '@renderer/companion/api/clinic';
import { useGet } from '@renderer/companion/api/queries';

/** The clinic's name and phone: public (GET /clinic), so shown before sign-in. */
export function usePublicClinic(): ClinicInfo | undefined {
  return useGet<ClinicInfo>(['/clinic'], { staleTime: 10 * 60_000 }).data?.data;
}

/** The signed-out frame: the clinic's name on top, one heading, the screen, the clinic's phone. */
export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation('auth');
  const { t: common } = useTranslation();
  const clinic = usePublicClinic();
  return (
    <Box minH="100dvh" bg="bg.canvas">
      <Box as="header" bg="teal.700" color="white" px="4" py="3" pt="calc(env(safe-area-inset-top) + 12px)">
        <Text fontWeight="semibold" fontSize="lg">
          {clinic?.clinicName ?? common('appName')}
        </Text>
      </Box>
      <Container as="main" maxW="md" px="4" py="6">
        <Stack gap="5">
          <Heading as="h1" size="2xl">
            {title}
          </Heading>
          {children}
          {clinic?.phone && (
            <Text color="fg.muted">
              <Link href={`tel:${clinic.phone.replace(/[^\d+]/g, '')}`} color="teal.700" minH="44px">
                {t('welcome.callClinic', { phone: clinic.phone })}
              </Link>
            </Text>
          )}
        </Stack>
      </Container>
    </Box>
  );
}
