import { Box, Button, Grid, Heading, HStack, Stack, Text } from '@chakra-ui/react';
import { useState } from 'react';
import type { Consultation, ConsultationContent, DraftConflict } from '@shared/domain/consultation.schema';
import type { ClinicFormat } from '@renderer/app/clinic-format';
import { draftRows } from './draft-text';

type Choice = 'keep' | 'other';

/**
 * The same draft saved on two desktops from an older version: the hub kept both texts. Shown side
 * by side until the doctor chooses — keep the draft (merged by editing it below, if needed) or use
 * the other version. Either choice discards one text, so it asks once more.
 */
export function DraftConflicts({
  draft,
  format,
  busy,
  onKeepDraft,
  onUseOther,
}: {
  draft: Consultation;
  format: ClinicFormat;
  busy: boolean;
  onKeepDraft: (conflict: DraftConflict) => void;
  onUseOther: (conflict: DraftConflict) => void;
}) {
  return (
    <Stack gap="4">
      {draft.draftConflicts.map((conflict) => (
        <ConflictCard
          key={conflict.id}
          draft={draft}
          conflict={conflict}
          format={format}
          busy={busy}
          onKeepDraft={() => onKeepDraft(conflict)}
          onUseOther={() => onUseOther(conflict)}
        />
      ))}
    </Stack>
  );
}

function ConflictCard({
  draft,
  conflict,
  format,
  busy,
  onKeepDraft,
  onUseOther,
}: {
  draft: Consultation;
  conflict: DraftConflict;
  format: ClinicFormat;
  busy: boolean;
  onKeepDraft: () => void;
  onUseOther: () => void;
}) {
  const [asking, setAsking] = useState<Choice | null>(null);
  return (
    <Box
      as="section"
      aria-label="Two versions of this draft"
      data-testid="draft-conflict"
      bg="orange.subtle"
      borderColor="orange.emphasized"
      borderWidth="1px"
      borderRadius="lg"
      p="4"
    >
      <Heading as="h2" size="md" mb="1">
        Two versions of this draft
      </Heading>
      <Text mb="3">
        This draft was also changed on another desktop from an older version. Both texts are kept until you
        choose. To merge them, edit the draft below, then keep it.
      </Text>
      <Grid templateColumns={{ base: '1fr', md: '1fr 1fr' }} gap="3">
        <Version
          title={`The draft (saved ${format.dateTime(draft.updatedAt)})`}
          testId="conflict-draft"
          content={draft}
          other={conflict.content}
        />
        <Version
          title={`Other version (saved ${format.dateTime(conflict.savedAt)})`}
          testId="conflict-other"
          content={conflict.content}
          other={draft}
        />
      </Grid>
      {asking === null ? (
        <HStack gap="2" mt="3" wrap="wrap">
          <Button size="sm" colorPalette="teal" disabled={busy} onClick={() => setAsking('keep')}>
            Keep the draft
          </Button>
          <Button size="sm" variant="outline" disabled={busy} onClick={() => setAsking('other')}>
            Use the other version
          </Button>
        </HStack>
      ) : (
        <HStack gap="2" mt="3" wrap="wrap" role="group" aria-label="Confirm the choice">
          <Text fontWeight="semibold">
            {asking === 'keep'
              ? 'Discard the other version for good?'
              : 'Replace the draft with the other version? The draft’s text is discarded.'}
          </Text>
          <Button
            size="sm"
            colorPalette="red"
            loading={busy}
            onClick={() => {
              setAsking(null);
              if (asking === 'keep') onKeepDraft();
              else onUseOther();
            }}
          >
            {asking === 'keep' ? 'Discard the other version' : 'Use the other version'}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setAsking(null)}>
            Cancel
          </Button>
        </HStack>
      )}
    </Box>
  );
}

function Version({
  title,
  testId,
  content,
  other,
}: {
  title: string;
  testId: string;
  content: ConsultationContent;
  other: ConsultationContent;
}) {
  const theirs = new Map(draftRows(other).map((r) => [r.label, r.value]));
  const rows = draftRows(content);
  return (
    <Box bg="bg.panel" borderWidth="1px" borderRadius="md" p="3" data-testid={testId}>
      <Heading as="h3" size="sm" mb="2">
        {title}
      </Heading>
      {rows.length === 0 && <Text color="fg.muted">Nothing written.</Text>}
      <Stack gap="1.5">
        {rows.map((row) => {
          const differs = theirs.get(row.label) !== row.value;
          return (
            <Box key={row.label}>
              <Text fontSize="xs" color="fg.muted">
                {row.label}
                {differs ? ' · differs' : ''}
              </Text>
              <Text whiteSpace="pre-wrap" fontWeight={differs ? 'semibold' : 'normal'}>
                {row.value}
              </Text>
            </Box>
          );
        })}
      </Stack>
    </Box>
  );
}
