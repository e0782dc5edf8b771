import { Badge, Box, Button, HStack, Stack, Text } from '@chakra-ui/react';
import { useState } from 'react';
import type { NeedsAttentionEntry } from '@shared/contract/desktop-bridge';
import type { InputOf } from '@shared/contract/index';
import {
  type ConsultationContent,
  consultationContentSchema,
  recordedVitalsSchema,
} from '@shared/domain/consultation.schema';
import { useApiMutation, useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { toaster } from '@renderer/components/toaster';
import { draftAsText, draftRows } from '@renderer/screens/doctor/consultation/draft-text';
import { NOT_MEASURED } from '@renderer/screens/shared/vitals/vitals-form';
import { AddendumFromRefusal, ConfirmDiscard, useRefusedVisit } from './RefusedParts';
import { useDismissAttention } from './use-needs-attention';

type DraftInput = InputOf<'consultations.saveDraft'>;

/** The refused text, its readings as they were (a reading queued before the ranges narrowed must not break the card). */
function readContent(content: DraftInput['content'] | undefined): ConsultationContent {
  const vitals = recordedVitalsSchema.safeParse({ ...NOT_MEASURED, ...content?.vitals });
  return {
    ...consultationContentSchema.parse({ ...content, vitals: undefined }),
    vitals: vitals.success ? vitals.data : NOT_MEASURED,
  };
}

/**
 * A draft save the hub refused (the record was signed meanwhile on another desktop, or reception
 * undid the check-in): the patient, the text itself, and what can still be done with it — copy it
 * into an addendum of the signed record, or save it once the patient is checked in again. The
 * text stays on this desktop until its author has used it or discarded it (asked once more).
 * Saves of the same visit refused one after another are one card: the latest text, and below it
 * any older refused text the latest lacks (main/client-core/refused-drafts.ts).
 */
export function RefusedDraftCard({ entry }: { entry: NeedsAttentionEntry }) {
  const format = useClinicFormat();
  const dismiss = useDismissAttention();
  const input = entry.input as DraftInput;
  const content = readContent(input.content);
  const earlier = (entry.earlierVersions ?? []).map((v) => ({
    ...v,
    content: readContent((v.input as DraftInput).content),
  }));
  // Into an addendum goes every version (the doctor edits it there); then the card is done.
  const allText = [
    draftAsText(content),
    ...earlier.map((v) => `Earlier version (${format.dateTime(v.createdAt)}):\n${draftAsText(v.content)}`),
  ].join('\n\n');
  const { appointment: a, label } = useRefusedVisit(input.appointmentId);
  const record = useApiQuery('consultations.get', { appointmentId: input.appointmentId });
  const signed = record.data?.consultation.status === 'finalized' ? record.data.consultation : null;
  const [confirming, setConfirming] = useState(false);
  const [addendum, setAddendum] = useState<string | null>(null);

  const dismissAll = async () => {
    for (const id of [entry.id, ...earlier.map((v) => v.id)]) await dismiss(id);
  };
  const used = async (title: string, done: () => Promise<void>) => {
    toaster.create({ type: 'success', title });
    await done();
  };
  // Saving uses the latest text only: an earlier version then becomes the card's text.
  const save = useApiMutation('consultations.saveDraft', {
    onSuccess: () => used('Saved to the consultation record', () => dismiss(entry.id)),
  });

  return (
    <Box
      as="article"
      borderWidth="1px"
      borderRadius="md"
      p="4"
      data-testid="attention-entry"
      aria-label="Consultation draft needs attention"
    >
      <Stack gap="3">
        <Stack gap="0.5">
          <HStack gap="2">
            <Badge colorPalette="orange">Consultation draft</Badge>
            <Text fontSize="sm" color="fg.muted">
              written {format.dateTime(entry.createdAt)}
            </Text>
          </HStack>
          <Text fontWeight="semibold" data-testid="refused-draft-patient">
            {label}
          </Text>
        </Stack>
        <ErrorMessage error={entry.error} title="Refused by the clinic hub" />
        <Box borderStartWidth="3px" borderColor="orange.solid" ps="3" data-testid="refused-draft-text">
          <Text fontSize="sm" color="fg.muted" mb="1">
            The text that was not saved (kept on this desktop until you use or discard it):
          </Text>
          <DraftText content={content} />
        </Box>
        {earlier.map((v) => (
          <Box
            key={v.id}
            borderStartWidth="3px"
            borderColor="orange.muted"
            ps="3"
            data-testid="refused-draft-earlier"
          >
            <Text fontSize="sm" color="fg.muted" mb="1">
              An earlier version, also refused ({format.dateTime(v.createdAt)}), with text the one above
              lacks:
            </Text>
            <DraftText content={v.content} />
          </Box>
        ))}

        {addendum !== null && signed ? (
          <AddendumFromRefusal
            label="Addendum from the refused draft"
            rows={6}
            consultationId={signed.id}
            text={addendum}
            onText={setAddendum}
            onAdded={dismissAll}
          >
            <Text>
              The record was signed {signed.signedAt ? format.dateTime(signed.signedAt) : ''}. Edit the
              addendum, then add it:
            </Text>
          </AddendumFromRefusal>
        ) : confirming ? (
          <ConfirmDiscard
            question={
              earlier.length > 0
                ? `Discard all ${earlier.length + 1} versions of this text for good? They are saved nowhere else.`
                : 'Discard this text for good? It is saved nowhere else.'
            }
            onDiscard={() => void dismissAll()}
            onKeep={() => setConfirming(false)}
          />
        ) : (
          <Stack gap="2">
            <Text>{nextStep(signed !== null, a?.status)}</Text>
            <HStack gap="2" wrap="wrap">
              {signed && (
                <Button size="sm" colorPalette="teal" onClick={() => setAddendum(allText)}>
                  Copy into an addendum
                </Button>
              )}
              {!signed && (
                <Button
                  size="sm"
                  colorPalette="teal"
                  disabled={a?.status !== 'CHECKED_IN' || record.isLoading}
                  loading={save.isPending}
                  onClick={() => save.mutate(input)}
                >
                  Save to the record
                </Button>
              )}
              <Button size="sm" variant="outline" onClick={() => setConfirming(true)}>
                Discard…
              </Button>
            </HStack>
            <ErrorMessage error={save.error} />
          </Stack>
        )}
      </Stack>
    </Box>
  );
}

function nextStep(signed: boolean, status: string | undefined): string {
  if (signed) return 'The record is signed: add what is still needed as an addendum.';
  if (status === 'CHECKED_IN') return 'The patient is checked in again: save the text to the record.';
  return 'The patient is not checked in now. Once reception checks them in again, save the text to the record.';
}

function DraftText({ content }: { content: ConsultationContent }) {
  return draftRows(content).map((row) => (
    <Text key={row.label} whiteSpace="pre-wrap">
      <Text as="span" fontWeight="semibold">
        {row.label}:
      </Text>{' '}
      {row.value}
    </Text>
  ));
}
