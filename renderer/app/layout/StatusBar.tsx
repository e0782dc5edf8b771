import { Box, Button, Flex, HStack, Text } from '@chakra-ui/react';
import { useState } from 'react';
import { useConnectionState } from '@renderer/api/ApiProvider';
import { NeedsAttentionDialog } from '@renderer/app/attention/NeedsAttentionDialog';
import { useClinicFormat } from '@renderer/app/clinic-format';

/**
 * Always visible (docs/product.md §13): online / offline since HH:MM / N changes waiting / last sync /
 * needs attention. In browser mode the socket says online or offline; an Electron desktop's
 * bridge supplies the outbox figures.
 */
export function StatusBar() {
  const state = useConnectionState();
  const format = useClinicFormat();
  const [attentionOpen, setAttentionOpen] = useState(false);
  const connection = state.online
    ? 'Online'
    : state.offlineSince
      ? `Offline since ${format.time(state.offlineSince)}`
      : 'Connecting…';
  return (
    <Flex
      as="footer"
      aria-label="Connection status"
      data-testid="status-bar"
      align="center"
      gap="5"
      px="4"
      h="8"
      fontSize="xs"
      bg="bg.statusbar"
      borderTopWidth="1px"
      color="fg.muted"
    >
      <HStack gap="2" role="status" aria-live="polite" data-testid="connection-state">
        <Box
          w="2.5"
          h="2.5"
          borderRadius="full"
          bg={state.online ? 'green.500' : state.offlineSince ? 'red.500' : 'orange.400'}
          aria-hidden="true"
        />
        <Text fontWeight="semibold" color={state.online ? 'fg' : 'red.fg'}>
          {connection}
        </Text>
      </HStack>
      {(state.mode === 'desktop' || state.pendingChanges > 0) && (
        <Text data-testid="pending-changes">
          {state.pendingChanges === 0
            ? 'All changes saved'
            : `${state.pendingChanges} change${state.pendingChanges === 1 ? '' : 's'} waiting`}
        </Text>
      )}
      <Text>Last sync {state.lastSyncAt ? format.time(state.lastSyncAt) : '—'}</Text>
      {state.syncError && (
        <Text color="red.fg" title={state.syncError} data-testid="sync-error">
          Sync problem, retrying
        </Text>
      )}
      {state.needsAttention > 0 && (
        <Button
          size="2xs"
          variant="subtle"
          colorPalette="orange"
          data-testid="needs-attention-count"
          onClick={() => setAttentionOpen(true)}
        >
          {state.needsAttention} need{state.needsAttention === 1 ? 's' : ''} attention
        </Button>
      )}
      <NeedsAttentionDialog open={attentionOpen} onClose={() => setAttentionOpen(false)} />
      <Text ms="auto">{state.mode === 'browser' ? 'Browser' : 'Desktop'}</Text>
    </Flex>
  );
}
