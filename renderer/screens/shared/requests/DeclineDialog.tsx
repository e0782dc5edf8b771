import { Button, Stack, Text, Textarea } from '@chakra-ui/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { reasonSchema } from '@shared/contract/common';
import type { ApiError } from '@shared/contract/errors';
import type { Appointment } from '@shared/domain/appointment.schema';
import { applyApiError } from '@renderer/api/form-errors';
import { useApiMutation } from '@renderer/api/hooks';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { FormField } from '@renderer/components/FormField';
import { toaster } from '@renderer/components/toaster';
import { DialogFrame } from '@renderer/components/DialogFrame';
import { howPatientIsTold } from '@renderer/screens/shared/appointments/patient-told';
import { usePatients } from '@renderer/screens/shared/appointments/use-people';

const schema = z.strictObject({ reason: reasonSchema });
type Values = z.input<typeof schema>;

/**
 * Declining cancels the request with a reason (docs/product.md §5); the dialog says how the hub's messages
 * reach the patient, or asks the doctor to tell them where no channel does.
 */
export function DeclineDialog({
  appointment,
  onClose,
}: {
  appointment: Appointment | null;
  onClose: () => void;
}) {
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { reason: '' } });
  const [refused, setRefused] = useState<ApiError | null>(null);
  const patient = usePatients(appointment ? [appointment.patientId] : []).get(appointment?.patientId ?? '');
  const told = howPatientIsTold(patient, 'your reason');
  const close = () => {
    form.reset({ reason: '' });
    setRefused(null);
    onClose();
  };
  const decline = useApiMutation('appointments.decline', {
    onSuccess: (a) => {
      toaster.create({
        type: 'success',
        title: `${a.number ?? 'Request'} declined`,
        description: told,
      });
      close();
    },
    onError: (error) => setRefused(applyApiError(error, form.setError, { knownFields: ['reason'] })),
  });
  return (
    <DialogFrame
      open={appointment !== null}
      onClose={close}
      title={`Decline ${appointment?.number ?? 'this request'}?`}
      size="sm"
      form={{
        'aria-label': 'Decline the request',
        noValidate: true,
        onSubmit: (e) =>
          void form.handleSubmit(
            (v) => appointment && decline.mutate({ id: appointment.id, reason: v.reason }),
          )(e),
      }}
      footer={
        <>
          <Button variant="outline" onClick={close}>
            Keep the request
          </Button>
          <Button type="submit" colorPalette="red" loading={decline.isPending}>
            Decline
          </Button>
        </>
      }
    >
      <Stack gap="3">
        <Text data-testid="decline-notice">The appointment is cancelled. {told}</Text>
        <FormField label="Reason" required error={form.formState.errors.reason}>
          <Textarea rows={3} {...form.register('reason')} />
        </FormField>
        <ErrorMessage error={refused} />
      </Stack>
    </DialogFrame>
  );
}
