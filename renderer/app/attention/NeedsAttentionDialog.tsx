import { Button, CloseButton, Dialog, Portal, Stack, Text } from '@chakra-ui/react';
import { EmptyState, LoadingState } from '@renderer/components/StateViews';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { AttentionEntryCard } from './AttentionEntryCard';
import { useNeedsAttention } from './use-needs-attention';

/**
 * SPEC §13: the changes made on this desktop that the hub refused once it was reachable again
 * (a slot taken meanwhile, a record changed by someone else…), each with the reason and what to
 * do next. Opened from the status bar.
 */
export function NeedsAttentionDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const entries = useNeedsAttention(open);
  return (
    <Dialog.Root open={open} onOpenChange={(e) => !e.open && onClose()} size="lg" scrollBehavior="inside">
      <Portal>
        <Dialog.Backdrop />
        <Dialog.Positioner>
          <Dialog.Content data-testid="needs-attention">
            <Dialog.Header>
              <Dialog.Title>Needs attention</Dialog.Title>
            </Dialog.Header>
            <Dialog.Body>
              <Stack gap="4">
                <Text color="fg.muted">
                  Changes you made on this desktop that the clinic hub refused when they reached it. Each says
                  why, and what you can do now.
                </Text>
                {entries.isLoading && <LoadingState label="Loading…" />}
                <ErrorMessage error={entries.error} />
                {entries.data?.length === 0 && <EmptyState title="Nothing needs attention" />}
                {entries.data?.map((entry) => (
                  <AttentionEntryCard key={entry.id} entry={entry} />
                ))}
              </Stack>
            </Dialog.Body>
            <Dialog.Footer>
              <Dialog.ActionTrigger asChild>
                <Button variant="outline">Close</Button>
              </Dialog.ActionTrigger>
            </Dialog.Footer>
            <Dialog.CloseTrigger asChild>
              <CloseButton size="sm" aria-label="Close" />
            </Dialog.CloseTrigger>
          </Dialog.Content>
        </Dialog.Positioner>
      </Portal>
    </Dialog.Root>
  );
}
