import { Badge, Box, Button, HStack, Stack, Text } from '@chakra-ui/react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { NeedsAttentionEntry } from '@shared/contract/desktop-bridge';
import { useApiClient } from '@renderer/api/ApiProvider';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { type NextSlot, NextSlots } from '@renderer/components/visits/NextSlots';
import { toaster } from '@renderer/components/toaster';
import { useDoctors, usePatients } from '@renderer/screens/shared/appointments/use-people';
import { changeSubject, changeTitle, retryAt } from './describe-change';
import { REFUSED_CLINICAL, RefusedClinicalCard } from './RefusedClinicalCard';
import { RefusedDraftCard } from './RefusedDraftCard';
import { useDismissAttention } from './use-needs-attention';

/** One refused change: what it was, why the hub refused it, and the next action. */
export function AttentionEntryCard({ entry }: { entry: NeedsAttentionEntry }) {
  if (entry.name === 'consultations.saveDraft') return <RefusedDraftCard entry={entry} />;
  if (REFUSED_CLINICAL.has(entry.name)) return <RefusedClinicalCard entry={entry} />;
  return <ChangeCard entry={entry} />;
}

function ChangeCard({ entry }: { entry: NeedsAttentionEntry }) {
  const format = useClinicFormat();
  const dismiss = useDismissAttention();
  const subject = changeSubject(entry);
  const patient = usePatients(subject.patientId ? [subject.patientId] : []).get(subject.patientId ?? '');
  const doctor = useDoctors().byId.get(subject.doctorId ?? '');
  const what = [
    patient ? `${patient.fullName} (${patient.code})` : null,
    doctor?.fullName ?? null,
    subject.startsAt ? format.dateTime(subject.startsAt) : null,
  ].filter(Boolean);

  return (
    <Box
      as="article"
      borderWidth="1px"
      borderRadius="md"
      p="4"
      data-testid="attention-entry"
      aria-label={`${changeTitle(entry)} needs attention`}
    >
      <Stack gap="3">
        <HStack justify="space-between" align="start">
          <Stack gap="0.5">
            <HStack gap="2">
              <Badge colorPalette="orange">{changeTitle(entry)}</Badge>
              <Text fontSize="sm" color="fg.muted">
                made {format.dateTime(entry.createdAt)}
              </Text>
            </HStack>
            {what.length > 0 && <Text fontWeight="semibold">{what.join(' · ')}</Text>}
          </Stack>
          <Button size="sm" variant="outline" onClick={() => void dismiss(entry.id)}>
            Dismiss
          </Button>
        </HStack>
        <ErrorMessage error={entry.error} title="Refused by the clinic hub" />
        <NextAction entry={entry} onDone={() => dismiss(entry.id)} />
      </Stack>
    </Box>
  );
}

function NextAction({ entry, onDone }: { entry: NeedsAttentionEntry; onDone: () => Promise<void> }) {
  const { nextAction } = entry;
  switch (nextAction.kind) {
    case 'choose_another_slot':
      return (
        <ChooseAnotherSlot
          entry={entry}
          slots={(nextAction.nextSlots as NextSlot[] | undefined) ?? []}
          onDone={onDone}
        />
      );
    case 'correct_and_retry':
      return <Text>Correct the details named above and make the change again.</Text>;
    case 'review_duplicates':
      return (
        <Text>
          This patient may already be registered: search for them before registering again, and use the
          existing record.
        </Text>
      );
    case 'sign_in_again':
      return <Text>Your session had ended. Sign in again, then make the change again.</Text>;
    default:
      return <Text>{typeof nextAction.hint === 'string' ? nextAction.hint : 'Check the record.'}</Text>;
  }
}

function ChooseAnotherSlot({
  entry,
  slots,
  onDone,
}: {
  entry: NeedsAttentionEntry;
  slots: NextSlot[];
  onDone: () => Promise<void>;
}) {
  const format = useClinicFormat();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const retry = useMutation({
    mutationFn: async (slot: NextSlot) => {
      const again = retryAt(entry, slot.start);
      if (!again) throw new Error('This change cannot be moved to another time.');
      if (again.name === 'appointments.book') await client.call(again.name, again.input);
      else await client.call(again.name, again.input);
      return slot;
    },
    onSuccess: async (slot) => {
      const done = entry.name === 'appointments.book' ? 'Booked for' : 'Moved to';
      toaster.create({ type: 'success', title: `${done} ${format.dateTime(slot.start)}` });
      await queryClient.invalidateQueries({ queryKey: ['api'] });
      await onDone();
    },
  });
  if (slots.length === 0 || !retryAt(entry, slots[0]!.start)) {
    return <Text>The doctor has no free time soon: book another day from the Book screen.</Text>;
  }
  return (
    <Stack gap="2">
      <NextSlots
        slots={slots}
        picking={retry.isPending ? retry.variables?.start : null}
        onPick={(slot) => retry.mutate(slot)}
      />
      <ErrorMessage error={retry.error} />
    </Stack>
  );
}
