import { Badge, Box, Button, Heading, HStack, Stack, Text } from '@chakra-ui/react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import type { patientNotificationSchema } from '@shared/gateway/profile.schema';
import { api } from '@renderer/companion/api/client';
import { useFormat } from '@renderer/companion/api/clinic';
import { useGet } from '@renderer/companion/api/queries';
import { AsOf } from '@renderer/companion/shell/AsOf';
import { ErrorNote } from '@renderer/companion/shell/ErrorNote';
import { ScreenSkeleton } from '@renderer/companion/shell/ScreenSkeleton';
import { unreadIds } from './inbox-items';

type Message = z.infer<typeof patientNotificationSchema>;
interface InboxAnswer {
  items: Message[];
  unread: number;
}

/** The clinic's messages (mounted at /inbox), unread ones marked; reading them clears the badge. */
export default function InboxScreen() {
  const { t } = useTranslation('inbox');
  const format = useFormat();
  const queryClient = useQueryClient();
  const query = useGet<InboxAnswer>(['/notifications']);
  const markRead = useMutation({
    mutationFn: (ids: string[]) => api.post('/notifications/read', { ids }),
    // The shell's badge reads the same query: refreshing it updates the count.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['/notifications'] }),
  });
  if (query.isPending)
    return (
      <Stack gap="4">
        <Heading as="h1" size="xl">
          {t('title')}
        </Heading>
        <ScreenSkeleton />
      </Stack>
    );
  const answer = query.data?.data;
  const unread = answer ? unreadIds(answer.items) : [];
  return (
    <Stack gap="4">
      <Heading as="h1" size="xl">
        {t('title')}
      </Heading>
      {query.isError && <ErrorNote error={query.error} onRetry={() => void query.refetch()} />}
      {markRead.isError && <ErrorNote error={markRead.error} />}
      {answer && (
        <>
          <AsOf asOf={query.data?.asOf} />
          <HStack justify="space-between" wrap="wrap" gap="2">
            <Text role="status" data-testid="inbox-unread">
              {answer.unread > 0 ? t('unreadCount', { count: answer.unread }) : t('allRead')}
            </Text>
            {unread.length > 0 && (
              <Button
                size="lg"
                variant="outline"
                loading={markRead.isPending}
                onClick={() => markRead.mutate(unread)}
              >
                {t('markAllRead')}
              </Button>
            )}
          </HStack>
          {answer.items.length === 0 ? (
            <Text>{t('empty')}</Text>
          ) : (
            <Stack as="ul" gap="3" m="0" p="0" listStyleType="none">
              {answer.items.map((message) => {
                const isUnread = message.readAt === null;
                return (
                  <Box
                    as="li"
                    key={message.id}
                    borderWidth="1px"
                    borderLeftWidth={isUnread ? '4px' : '1px'}
                    borderLeftColor={isUnread ? 'teal.700' : undefined}
                    borderRadius="md"
                    p="3"
                    bg={isUnread ? 'teal.50' : 'bg.panel'}
                    data-unread={isUnread || undefined}
                  >
                    <HStack justify="space-between" align="start" gap="2">
                      <Heading as="h2" size="sm" fontWeight={isUnread ? 'bold' : 'semibold'}>
                        {message.subject || t('title')}
                      </Heading>
                      {isUnread && (
                        <Badge colorPalette="teal" variant="solid">
                          {t('unread')}
                        </Badge>
                      )}
                    </HStack>
                    <Text fontSize="sm" color="fg.muted">
                      {t('received', { when: format.dayTime(message.sentAt ?? message.createdAt) })}
                    </Text>
                    <Text mt="2" whiteSpace="pre-wrap">
                      {message.body}
                    </Text>
                    {isUnread && (
                      <Button
                        mt="2"
                        size="lg"
                        variant="ghost"
                        disabled={markRead.isPending}
                        onClick={() => markRead.mutate([message.id])}
                      >
                        {t('markRead')}
                      </Button>
                    )}
                  </Box>
                );
              })}
            </Stack>
          )}
        </>
      )}
    </Stack>
  );
}
