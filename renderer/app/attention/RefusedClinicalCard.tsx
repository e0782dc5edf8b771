import { Badge, Box, Button, HStack, Stack, Text } from '@chakra-ui/react';
import { useState } from 'react';
import type { NeedsAttentionEntry } from '@shared/contract/desktop-bridge';
import type { InputOf } from '@shared/contract/index';
import { recordedVitalsSchema } from '@shared/domain/consultation.schema';
import { useApiMutation, useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { useCurrentUser } from '@renderer/app/session/SessionProvider';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { toaster } from '@renderer/components/toaster';
import { useTemperatureUnit } from '@renderer/screens/shared/vitals/use-temperature-unit';
import { NOT_MEASURED, vitalsSummary } from '@renderer/screens/shared/vitals/vitals-form';
import { AddendumFromRefusal, ConfirmDiscard, useRefusedVisit } from './RefusedParts';
import { useDismissAttention } from './use-needs-attention';

/** Refused changes that carry clinical text besides a draft (RefusedDraftCard). */
export const REFUSED_CLINICAL = new Set(['consultations.addAddendum', 'consultations.recordVitals']);

/**
 * A refused addendum or vitals reading: the patient and visit, the text or readings themselves,
 * and what can still be done with them (the signer adds the addendum again; readings of a
 * checked-in patient whose record is still open are recorded again). Discarding asks once more.
 */
export function RefusedClinicalCard({ entry }: { entry: NeedsAttentionEntry }) {
  const format = useClinicFormat();
  const dismiss = useDismissAttention();
  const me = useCurrentUser();
  const isAddendum = entry.name === 'consultations.addAddendum';
  const addendumInput = isAddendum ? (entry.input as InputOf<'consultations.addAddendum'>) : null;
  const vitalsInput = isAddendum ? null : (entry.input as InputOf<'consultations.recordVitals'>);
  const appointmentId = vitalsInput?.appointmentId ?? entry.appointmentId;
  const { appointment: a, label } = useRefusedVisit(appointmentId);
  // The record is a doctor's read: only an addendum needs it (who signed it).
  const record = useApiQuery(
    'consultations.get',
    { appointmentId: appointmentId ?? '' },
    { enabled: isAddendum && !!appointmentId },
  );
  const c = record.data?.consultation;
  const mayAddAddendum = !!c && c.status === 'finalized' && c.signedBy === me.id;
  const mayRecordVitals = a?.status === 'CHECKED_IN';
  const { unit } = useTemperatureUnit();
  // Read as recorded, not as entered: a refused reading may be one the ranges refuse.
  const asRecorded = recordedVitalsSchema.safeParse({ ...NOT_MEASURED, ...vitalsInput?.vitals });
  const readings = vitalsInput && asRecorded.success ? vitalsSummary(asRecorded.data, unit) : '';
  const [confirming, setConfirming] = useState(false);
  const [addendum, setAddendum] = useState<string | null>(null);

  const done = (title: string) => async () => {
    toaster.create({ type: 'success', title });
    await dismiss(entry.id);
  };
  const vitals = useApiMutation('consultations.recordVitals', { onSuccess: done('Vitals recorded') });
  const title = isAddendum ? 'Addendum' : 'Vitals';

  return (
    <Box
      as="article"
      borderWidth="1px"
      borderRadius="md"
      p="4"
      data-testid="attention-entry"
      aria-label={`${title} needs attention`}
    >
      <Stack gap="3">
        <Stack gap="0.5">
          <HStack gap="2">
            <Badge colorPalette="orange">{title}</Badge>
            <Text fontSize="sm" color="fg.muted">
              written {format.dateTime(entry.createdAt)}
            </Text>
          </HStack>
          <Text fontWeight="semibold" data-testid="refused-text-patient">
            {label}
          </Text>
        </Stack>
        <ErrorMessage error={entry.error} title="Refused by the clinic hub" />
        <Box borderStartWidth="3px" borderColor="orange.solid" ps="3" data-testid="refused-text">
          <Text fontSize="sm" color="fg.muted" mb="1">
            {isAddendum ? 'The text' : 'The readings'} that were not saved (kept on this desktop until you use
            or discard them):
          </Text>
          <Text whiteSpace="pre-wrap">{addendumInput?.text ?? (readings || 'No readings')}</Text>
        </Box>

        {addendum !== null && c ? (
          <AddendumFromRefusal
            label="Addendum from the refused text"
            rows={4}
            consultationId={c.id}
            text={addendum}
            onText={setAddendum}
            onAdded={() => dismiss(entry.id)}
          />
        ) : confirming ? (
          <ConfirmDiscard
            question={
              isAddendum
                ? 'Discard this text for good? It is saved nowhere else.'
                : 'Discard these readings for good? They are saved nowhere else.'
            }
            onDiscard={() => void dismiss(entry.id)}
            onKeep={() => setConfirming(false)}
          />
        ) : (
          <Stack gap="2">
            <Text>{nextStep(isAddendum, mayAddAddendum, mayRecordVitals)}</Text>
            <HStack gap="2" wrap="wrap">
              {addendumInput && mayAddAddendum && (
                <Button size="sm" colorPalette="teal" onClick={() => setAddendum(addendumInput.text)}>
                  Copy into an addendum
                </Button>
              )}
              {vitalsInput && mayRecordVitals && (
                <Button
                  size="sm"
                  colorPalette="teal"
                  loading={vitals.isPending}
                  onClick={() => vitals.mutate({ ...vitalsInput, id: crypto.randomUUID() })}
                >
                  Record them again
                </Button>
              )}
              <Button size="sm" variant="outline" onClick={() => setConfirming(true)}>
                Discard…
              </Button>
            </HStack>
            <ErrorMessage error={vitals.error} />
          </Stack>
        )}
      </Stack>
    </Box>
  );
}

function nextStep(isAddendum: boolean, mayAdd: boolean, mayRecord: boolean): string {
  if (isAddendum) {
    return mayAdd
      ? 'You signed this record: add the text again as an addendum if it is still needed.'
      : 'Only the doctor who signed the record can add to it: pass the text on to them if it is still needed.';
  }
  return mayRecord
    ? 'The patient is checked in: record the readings again if they are still valid.'
    : 'The patient is not checked in now: the readings can be recorded again once they are.';
}
