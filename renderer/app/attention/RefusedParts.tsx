import { Button, HStack, Text } from '@chakra-ui/react';
import { useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
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
