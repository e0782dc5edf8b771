import { Button, HStack, Stack, Text, Textarea } from '@chakra-ui/react';
import type { ReactNode } from 'react';
import { addendumSchema } from '@shared/domain/consultation.schema';
import { useApiMutation, useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { toaster } from '@renderer/components/toaster';
import { usePatients } from '@renderer/screens/shared/appointments/use-people';

/** The visit a refused clinical change belongs to: its appointment, and the patient named with the time. */
export function useRefusedVisit(appointmentId: string | undefined) {
  const format = useClinicFormat();
  const appointment = useApiQuery(
    'appointments.get',
    { id: appointmentId ?? '' },
    { enabled: !!appointmentId },
  );
  const a = appointment.data;
  const patient = usePatients(a ? [a.patientId] : []).get(a?.patientId ?? '');
  const label = patient
    ? `${patient.fullName} (${patient.code})${a ? ` · visit ${format.dateTime(a.startsAt)}` : ''}`
    : appointmentId
      ? 'Loading the patient…'
      : 'A patient’s visit';
  return { appointment: a, label };
}

/**
 * Asked once more before refused clinical text is dropped: it is saved nowhere else
 * (docs/architecture.md "Needs attention").
 */
export function ConfirmDiscard({
  question,
  onDiscard,
  onKeep,
}: {
  question: string;
  onDiscard: () => void;
  onKeep: () => void;
}) {
  return (
    <HStack gap="2" wrap="wrap" role="group" aria-label="Confirm discarding">
      <Text fontWeight="semibold">{question}</Text>
      <Button size="sm" colorPalette="red" onClick={onDiscard}>
        Discard the text
      </Button>
      <Button size="sm" variant="ghost" onClick={onKeep}>
        Keep it
      </Button>
    </HStack>
  );
}

/** Refused clinical text edited into an addendum of the signed record, then added. */
export function AddendumFromRefusal({
  consultationId,
  text,
  onText,
  onAdded,
  label,
  rows,
  children,
}: {
  consultationId: string;
  text: string;
  onText: (text: string | null) => void;
  /** After the addendum is added: the card drops the text it came from. */
  onAdded: () => Promise<void>;
  label: string;
  rows: number;
  children?: ReactNode;
}) {
  const add = useApiMutation('consultations.addAddendum', {
    onSuccess: async () => {
      toaster.create({ type: 'success', title: 'Added to the signed record as an addendum' });
      await onAdded();
    },
  });
  const problem = addendumSchema.shape.text.safeParse(text).error?.issues[0]?.message;
  return (
    <Stack gap="2" as="form" aria-label={label}>
      {children}
      <Textarea aria-label="Addendum" rows={rows} value={text} onChange={(e) => onText(e.target.value)} />
      {problem && <Text color="fg.error">Addendum {problem}</Text>}
      <HStack gap="2">
        <Button
          size="sm"
          colorPalette="teal"
          loading={add.isPending}
          disabled={!!problem}
          onClick={() => add.mutate({ id: crypto.randomUUID(), consultationId, text })}
        >
          Add addendum
        </Button>
        <Button size="sm" variant="ghost" onClick={() => onText(null)}>
          Cancel
        </Button>
      </HStack>
      <ErrorMessage error={add.error} />
    </Stack>
  );
}
