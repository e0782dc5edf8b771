import { Badge, Box, Button, Heading, HStack, Stack, Text } from '@chakra-ui/react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { api } from '@renderer/companion/api/client';
import { useClinic, useFormat } from '@renderer/companion/api/clinic';
import { useGet } from '@renderer/companion/api/queries';
import { AsOf } from '@renderer/companion/shell/AsOf';
import { ErrorNote } from '@renderer/companion/shell/ErrorNote';
import { paths } from '@renderer/companion/shell/routes';
import { ScreenSkeleton } from '@renderer/companion/shell/ScreenSkeleton';
import { offerLive } from './waitlist-form';
import type { PublicDoctor, WaitlistEntry } from './waitlist-types';

const PALETTE = {
  WAITING: 'blue',
  OFFERED: 'orange',
  BOOKED: 'green',
  EXPIRED: 'gray',
  CANCELLED: 'gray',
} as const;

/** Entries still on the list come first; left and ended ones after, newest first. */
const ACTIVE = new Set(['WAITING', 'OFFERED']);

/**
 * An offer as the hub holds it: the slot and until when it is held. Accepting needs the hub's
 * offer operations, which do not exist yet: the patient is told to call the clinic instead.
 */
function Offer({ offer }: { offer: NonNullable<WaitlistEntry['offer']> }) {
  const { t } = useTranslation('waitlist');
  const format = useFormat();
  const phone = useClinic().data?.data.phone;
  const live = offerLive(offer, new Date());
  return (
    <Box mt="2" p="3" borderRadius="md" bg="orange.50" color="orange.900" data-testid="waitlist-offer">
      <Text fontWeight="semibold">{t('offer.title', { when: format.dayTime(offer.startsAt) })}</Text>
      {live ? (
        <>
          <Text>{t('offer.heldUntil', { time: format.time(offer.expiresAt) })}</Text>
          <Text fontSize="sm">{t('offer.contact', { phone: phone ? ` (${phone})` : '' })}</Text>
        </>
      ) : (
        <Text>{t('offer.expired')}</Text>
      )}
    </Box>
  );
}

/** My waiting-list entries with their status and offers; leave one. */
export function WaitlistList() {
  const { t } = useTranslation('waitlist');
  const format = useFormat();
  const location = useLocation();
  const queryClient = useQueryClient();
  const query = useGet<WaitlistEntry[]>(['/waitlist']);
  const doctors = useGet<PublicDoctor[]>(['/doctors'], { staleTime: 10 * 60_000 }).data?.data ?? [];
  const leave = useMutation({
    mutationFn: (id: string) => api.delete<WaitlistEntry>(`/waitlist/${id}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['/waitlist'] }),
  });
  const joined = (location.state as { joined?: boolean } | null)?.joined === true;
  if (query.isPending) return <ScreenSkeleton />;
  if (query.isError) return <ErrorNote error={query.error} onRetry={() => void query.refetch()} />;
  const doctorName = (id: string) => doctors.find((d) => d.id === id)?.fullName ?? t('doctor');
  const entries = [...query.data.data].sort((a, b) => {
    const activeFirst = Number(ACTIVE.has(b.status)) - Number(ACTIVE.has(a.status));
    return activeFirst !== 0 ? activeFirst : a.createdAt < b.createdAt ? 1 : -1;
  });
  return (
    <Stack gap="3">
      {joined && (
        <Text role="status" color="green.800" fontWeight="semibold">
          {t('joined')}
        </Text>
      )}
      <AsOf asOf={query.data.asOf} />
      <Text>{t('intro')}</Text>
      <Link to={`${paths.waitlist}/join`}>
        <Box
          as="span"
          display="flex"
          minH="48px"
          alignItems="center"
          justifyContent="center"
          borderRadius="md"
          bg="teal.700"
          color="white"
          fontWeight="semibold"
        >
          {t('join')}
        </Box>
      </Link>
      {leave.isError && <ErrorNote error={leave.error} />}
      {entries.length === 0 ? (
        <Text>{t('empty')}</Text>
      ) : (
        <Stack as="ul" gap="3" m="0" p="0" listStyleType="none">
          {entries.map((entry) => (
            <Box
              as="li"
              key={entry.id}
              borderWidth="1px"
              borderRadius="md"
              p="3"
              bg="bg.panel"
              data-testid="waitlist-entry"
            >
              <HStack justify="space-between" align="start" gap="2">
                <Heading as="h2" size="md">
                  {doctorName(entry.doctorId)}
                </Heading>
                <Badge colorPalette={PALETTE[entry.status]} variant="subtle">
                  {t(`status.${entry.status}`)}
                </Badge>
              </HStack>
              <Text>{t('dates', { from: format.day(entry.fromDate), to: format.day(entry.toDate) })}</Text>
              {entry.note && (
                <Text fontSize="sm" color="fg.muted">
                  {entry.note}
                </Text>
              )}
              {entry.offer && <Offer offer={entry.offer} />}
              {ACTIVE.has(entry.status) && (
                <Button
                  mt="2"
                  size="lg"
                  variant="outline"
                  colorPalette="red"
                  aria-label={t('leaveLabel', { doctor: doctorName(entry.doctorId) })}
                  loading={leave.isPending && leave.variables === entry.id}
                  onClick={() => leave.mutate(entry.id)}
                >
                  {t('leave')}
                </Button>
              )}
            </Box>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
