import { Box, Heading, HStack, Link, Text } from '@chakra-ui/react';
import { Link as RouterLink } from 'react-router';
import { useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { LoadingState } from '@renderer/components/StateViews';
import { MessageDrawer } from './MessageDrawer';
import { MessageTable } from './MessageTable';
import { MESSAGES_POLL_MS } from './MessagesScreen';
import { useOpenMessage } from './use-open-message';

const SHOWN = 20;

/** A patient profile's "Messages": what the clinic sent (or will send) them, newest first. */
export function PatientMessages({ patientId }: { patientId: string }) {
  const format = useClinicFormat();
  const list = useApiQuery(
    'notifications.outbox',
    { patientId, limit: SHOWN, offset: 0 },
    { refetchInterval: MESSAGES_POLL_MS },
  );
  const items = list.data?.items ?? [];
  const drawer = useOpenMessage(items);
  const total = list.data?.total ?? 0;
  return (
    <Box as="section" aria-label="Messages">
      <HStack justify="space-between" mb="2">
        <Heading as="h2" size="md">
          Messages
        </Heading>
        {total > 0 && (
          <Link asChild fontSize="sm" color="colorPalette.fg">
            <RouterLink to={`/messages?patient=${patientId}`}>Open in Messages</RouterLink>
          </Link>
        )}
      </HStack>
      <ErrorMessage error={list.error} />
      {list.isLoading ? (
        <LoadingState label="Loading messages…" />
      ) : items.length === 0 && !list.error ? (
        <Text color="fg.muted">No messages yet.</Text>
      ) : (
        <>
          <MessageTable
            messages={items}
            format={format}
            onOpen={drawer.open}
            label="Messages to this patient"
            withPatient={false}
          />
          {total > items.length && (
            <Text color="fg.muted" fontSize="sm" mt="2">
              The newest {items.length} of {total}.
            </Text>
          )}
        </>
      )}
      <MessageDrawer message={drawer.message} onClose={drawer.close} onRetried={drawer.retried} />
    </Box>
  );
}
