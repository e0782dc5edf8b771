import { Button, Stack, Text } from '@chakra-ui/react';
import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { ApiError } from '@shared/contract/errors';
import type { Appointment } from '@shared/domain/appointment.schema';
import { type Vitals, vitalsSchema } from '@shared/domain/consultation.schema';
import { NO_READINGS } from '@shared/rules/vitals-merge';
import { applyApiError } from '@renderer/api/form-errors';
import { useApiMutation } from '@renderer/api/hooks';
import { DialogFrame } from '@renderer/components/DialogFrame';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { toaster } from '@renderer/components/toaster';
import { useTemperatureUnit } from '@renderer/screens/shared/vitals/use-temperature-unit';
import { VitalsInputs } from '@renderer/screens/shared/vitals/VitalFlags';
import {
  EMPTY_VITALS,
  followRecord,
  readingsToSave,
  type VitalKey,
  VITALS,
  type VitalsForm,
  vitalsFormProblems,
  vitalsInput,
  vitalsToForm,
} from '@renderer/screens/shared/vitals/vitals-form';

type Values = { vitals: VitalsForm };
const FIELDS = VITALS.map((v) => `vitals.${v.key}` as const);

/**
 * The nurse's vitals form for one checked-in patient, filled with what was recorded before; a save
 * changes only the readings typed over (merged per reading on the hub, shared/rules/vitals-merge.ts).
 * Checked with the hub's own schema first.
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
  const { unit } = useTemperatureUnit();
  const form = useForm<Values>({ defaultValues: { vitals: EMPTY_VITALS } });
  const typed = useWatch({ control: form.control, name: 'vitals' });
  const [refused, setRefused] = useState<ApiError | null>(null);
  /** The recorded readings the boxes were filled from: the base of the save. */
  const base = useRef<Vitals>(NO_READINGS);
  const filledFor = useRef<string | null>(null);
  const openFor = appointment?.id ?? null;
  const currentKey = current ? JSON.stringify(current) : null;
  useEffect(() => {
    // Filled as the dialog opens, and again reading by reading when the recorded readings arrive
    // or change, but never over a box the nurse has typed in.
    if (!openFor) return;
    const recorded = current ?? NO_READINGS;
    if (filledFor.current !== openFor) {
      filledFor.current = openFor;
      form.reset({ vitals: vitalsToForm(recorded, unit) });
    } else {
      const next = followRecord(
        form.getValues('vitals'),
        vitalsToForm(base.current, unit),
        vitalsToForm(recorded, unit),
      );
      if (next) form.setValue('vitals', next);
    }
    base.current = recorded;
  }, [openFor, currentKey, form, unit]);
  const close = () => {
    filledFor.current = null;
    base.current = NO_READINGS;
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
    // Checked in the clinic's unit first (so a °F clinic is told in °F), then as the hub will.
    const problems = vitalsFormProblems(values.vitals, unit);
    for (const p of problems) form.setError(`vitals.${p.field}`, { message: p.message });
    const parsed = vitalsSchema.safeParse(vitalsInput(values.vitals, unit));
    if (!parsed.success && problems.length === 0) {
      for (const issue of parsed.error.issues) {
        form.setError(`vitals.${issue.path[0] as VitalKey}`, { message: issue.message });
      }
    }
    if (problems.length > 0 || !parsed.success) return;
    // Readings not typed over go as recorded, with their base: the hub merges per reading.
    record.mutate({
      id: crypto.randomUUID(),
      appointmentId: appointment.id,
      vitals: readingsToSave(values.vitals, parsed.data, base.current, unit),
      vitalsBase: base.current,
    });
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
        <VitalsInputs
          register={(key) => form.register(`vitals.${key}`)}
          errors={errors}
          values={typed}
          unit={unit}
          columns={{ base: 1, sm: 2 }}
        />
        <ErrorMessage error={refused} />
      </Stack>
    </DialogFrame>
  );
}
