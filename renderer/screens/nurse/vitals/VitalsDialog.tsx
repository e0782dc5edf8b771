import { Button, Input, SimpleGrid, Stack, Text } from '@chakra-ui/react';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { ApiError } from '@shared/contract/errors';
import type { Appointment } from '@shared/domain/appointment.schema';
import { type Vitals, vitalsSchema } from '@shared/domain/consultation.schema';
import { applyApiError } from '@renderer/api/form-errors';
import { useApiMutation } from '@renderer/api/hooks';
import { DialogFrame } from '@renderer/components/DialogFrame';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { FormField } from '@renderer/components/FormField';
import { toaster } from '@renderer/components/toaster';
import {
  EMPTY_VITALS,
  sameReadings,
  type VitalKey,
  VITALS,
  type VitalsForm,
  vitalsInput,
  vitalsToForm,
} from '@renderer/screens/shared/vitals/vitals-form';

type Values = { vitals: VitalsForm };
const FIELDS = VITALS.map((v) => `vitals.${v.key}` as const);

/**
 * The nurse's vitals form for one checked-in patient, filled with what was recorded before (a
 * correction replaces every reading); checked with the hub's own schema first.
 */
export function VitalsDialog({
  appointment,
  patientName,
  current,
  onClose,
}: {
  appointment: Appointment | null;
  patientName: string | undefined;
  current: Vitals | null;
  onClose: () => void;
}) {
  const form = useForm<Values>({ defaultValues: { vitals: EMPTY_VITALS } });
  const [refused, setRefused] = useState<ApiError | null>(null);
  const filledWith = useRef<VitalsForm>(EMPTY_VITALS);
  const openFor = appointment?.id ?? null;
  const currentKey = current ? JSON.stringify(current) : null;
  useEffect(() => {
    // Filled as the dialog opens, and again when the recorded readings arrive or change, but
    // never over what the nurse has typed.
    if (!openFor || !sameReadings(form.getValues('vitals'), filledWith.current)) return;
    filledWith.current = current ? vitalsToForm(current) : EMPTY_VITALS;
    form.reset({ vitals: filledWith.current });
  }, [openFor, currentKey, form]);
  const close = () => {
    filledWith.current = EMPTY_VITALS;
    form.reset({ vitals: EMPTY_VITALS });
    setRefused(null);
    onClose();
  };
  const record = useApiMutation('consultations.recordVitals', {
    onSuccess: () => {
      toaster.create({ type: 'success', title: `Vitals recorded for ${patientName ?? 'the patient'}` });
      close();
    },
    onError: (error) => setRefused(applyApiError(error, form.setError, { knownFields: FIELDS })),
  });
  const submit = (values: Values) => {
    if (!appointment) return;
    setRefused(null);
    const parsed = vitalsSchema.safeParse(vitalsInput(values.vitals));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as VitalKey;
        form.setError(`vitals.${key}`, { message: issue.message });
      }
      return;
    }
    record.mutate({ id: crypto.randomUUID(), appointmentId: appointment.id, vitals: parsed.data });
  };
  const errors = form.formState.errors.vitals;
  return (
    <DialogFrame
      open={appointment !== null}
      onClose={close}
      title={`Vitals: ${patientName ?? 'patient'}`}
      form={{
        'aria-label': 'Record vitals',
        noValidate: true,
        onSubmit: (e) => void form.handleSubmit(submit)(e),
      }}
      footer={
        <>
          <Button variant="outline" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" loading={record.isPending}>
            Save vitals
          </Button>
        </>
      }
    >
      <Stack gap="3">
        <Text color="fg.muted">
          Leave a box empty if it was not measured. The doctor sees these in the record.
        </Text>
        <SimpleGrid columns={{ base: 1, sm: 2 }} gap="3">
          {VITALS.map((v) => (
            <FormField key={v.key} label={`${v.label} (${v.unit})`} error={errors?.[v.key]}>
              <Input inputMode="decimal" {...form.register(`vitals.${v.key}`)} />
            </FormField>
          ))}
        </SimpleGrid>
        <ErrorMessage error={refused} />
      </Stack>
    </DialogFrame>
  );
}
