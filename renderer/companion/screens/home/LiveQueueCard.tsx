import { Badge, Box, Card, Flex, Heading, Stack, Text } from '@chakra-ui/react';
import { useTranslation } from 'react-i18next';
import type { MyQueue } from '@shared/gateway/queue.schema';
import { useFormat } from '@renderer/companion/api/clinic';

type Position = NonNullable<MyQueue['position']>;

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Box flex="1" minW="0">
      <Text textStyle="sm" color="fg.muted">
        {label}
      </Text>
      <Text textStyle="3xl" fontWeight="bold" data-testid={testId}>
        {value}
      </Text>
    </Box>
  );
}

/**
 * On the day, once checked in: my token, the token being served, how many are ahead and when I
 * should be called. It is a polite live region, so a screen reader reads the change out.
 */
export function LiveQueueCard({ position, live }: { position: Position; live: boolean }) {
  const { t } = useTranslation('home');
  const format = useFormat();
  const turn =
    position.state === 'called'
      ? t('queue.called')
      : position.state === 'in_consultation'
        ? t('queue.inConsultation')
        : null;
  return (
    <Card.Root variant="elevated" borderTopWidth="4px" borderTopColor="teal.600" data-testid="live-queue">
      <Card.Body>
        <Stack gap="4" aria-live="polite">
          <Flex justify="space-between" align="center" gap="2" wrap="wrap">
            <Heading as="h2" size="md">
              {t('queue.heading')}
            </Heading>
            <Badge colorPalette={live ? 'green' : 'orange'} variant="subtle">
              {live ? t('queue.live') : t('queue.reconnecting')}
            </Badge>
          </Flex>
          <Flex gap="4" wrap="wrap">
            <Figure label={t('queue.yourToken')} value={position.token} testId="my-token" />
            <Figure
              label={t('queue.nowServing')}
              value={position.nowServing ?? t('queue.nobodyYet')}
              testId="now-serving"
            />
          </Flex>
          {turn ? (
            <Text textStyle="lg" fontWeight="semibold" color="teal.700" data-testid="queue-turn">
              {turn}
            </Text>
          ) : (
            <Stack gap="1">
              <Text textStyle="lg" fontWeight="semibold" data-testid="patients-ahead">
                {position.patientsAhead === 0
                  ? t('queue.aheadNone')
                  : t('queue.ahead', { count: position.patientsAhead })}
              </Text>
              <Text>
                {t('queue.estimatedCall')}:{' '}
                <Text as="strong" data-testid="estimated-call">
                  {format.time(position.estimatedCallAt)}
                </Text>{' '}
                ({t('queue.minutes', { count: position.estimatedWaitMinutes })})
              </Text>
            </Stack>
          )}
        </Stack>
      </Card.Body>
    </Card.Root>
  );
}
