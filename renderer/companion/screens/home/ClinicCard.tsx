import { Button, Card, Heading, Stack, Text } from '@chakra-ui/react';
import { useTranslation } from 'react-i18next';
import type { ClinicInfo } from '@renderer/companion/api/clinic';

/** A maps search for the address: opens the phone's maps app or the browser's maps. */
export function mapsLink(address: string): string {
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(address)}`;
}

/** The clinic's phone (a tel: link) and address (directions in maps). */
export function ClinicCard({ clinic }: { clinic: ClinicInfo }) {
  const { t } = useTranslation('home');
  const address = clinic.address.trim();
  const phone = clinic.phone?.trim() ?? '';
  return (
    <Card.Root variant="outline">
      <Card.Body>
        <Stack gap="3">
          <Heading as="h2" size="md">
            {t('clinic.heading')}
          </Heading>
          <Text fontWeight="semibold">{clinic.clinicName}</Text>
          {address && <Text whiteSpace="pre-line">{address}</Text>}
          <Stack direction={{ base: 'column', sm: 'row' }} gap="3">
            {phone && (
              <Button asChild size="lg" variant="outline">
                <a href={`tel:${phone.replace(/[^\d+]/g, '')}`} data-testid="clinic-phone">
                  {t('clinic.call', { phone })}
                </a>
              </Button>
            )}
            {address && (
              <Button asChild size="lg" variant="outline">
                <a
                  href={mapsLink(address)}
                  target="_blank"
                  rel="noopener noreferrer"
                  aria-label={t('clinic.directionsLabel', { address })}
                  data-testid="clinic-directions"
                >
                  {t('clinic.directions')}
                </a>
              </Button>
            )}
          </Stack>
        </Stack>
      </Card.Body>
    </Card.Root>
  );
}
