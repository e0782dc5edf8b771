import { Button, Stack, Text } from '@chakra-ui/react';
import { DialogFrame } from '@renderer/components/DialogFrame';
import { EmptyState, LoadingState } from '@renderer/components/StateViews';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { AttentionEntryCard } from './AttentionEntryCard';
import { useNeedsAttention } from './use-needs-attention';

/**
 * docs/product.md §13: the changes made on this desktop that the hub refused once it was reachable again
 * (a slot taken meanwhile, a record changed by someone else…), each with the reason and what to
 * do next. Opened from the status bar.
 */
export function NeedsAttentionDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const entries = useNeedsAttention(open);
  return (
    <DialogFrame
      open={open}
      onClose={onClose}
      title="Needs attention"
      size="lg"
      scrollInside
      testId="needs-attention"
      footer={
        <Button variant="outline" onClick={onClose}>
          Close
        </Button>
      }
    >
      <Stack gap="4">
        <Text color="fg.muted">
          Changes you made on this desktop that the clinic hub refused when they reached it. Each says why,
          and what you can do now.
        </Text>
        {entries.isLoading && <LoadingState label="Loading…" />}
        <ErrorMessage error={entries.error} />
        {entries.data?.length === 0 && <EmptyState title="Nothing needs attention" />}
        {entries.data?.map((entry) => (
          <AttentionEntryCard key={entry.id} entry={entry} />
        ))}
      </Stack>
    </DialogFrame>
  );
}
