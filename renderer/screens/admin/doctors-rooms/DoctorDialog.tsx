import { Checkbox, Input, SimpleGrid, Text } from '@chakra-ui/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { ApiError } from '@shared/contract/errors';
import type { Doctor } from '@shared/domain/doctor.schema';
import { applyApiError } from '@renderer/api/form-errors';
import { useApiMutation } from '@renderer/api/hooks';
import { useClinicSettings } from '@renderer/app/clinic-format';
import { FormDialog } from '@renderer/components/FormDialog';
import { FormField } from '@renderer/components/FormField';
import { toaster } from '@renderer/components/toaster';
import {
  DOCTOR_FIELD_MAP,
  doctorFormSchema,
  type DoctorFormValues,
  toDetails,
  toFormValues,
} from './doctor-form';

/** Add a doctor (`doctors.create`) or change one (`doctors.update`). */
export function DoctorDialog({ doctor, onClose }: { doctor: Doctor | null; onClose: () => void }) {
  const settings = useClinicSettings();
  const [refused, setRefused] = useState<ApiError | null>(null);
  const form = useForm<DoctorFormValues>({
    resolver: zodResolver(doctorFormSchema),
    defaultValues: toFormValues(doctor, settings.data?.defaultBuffers ?? { before: 5, after: 5 }),
  });
  const { errors } = form.formState;
  const overrideBuffers = form.watch('overrideBuffers');
  const options = {
    onSuccess: (d: Doctor) => {
      toaster.create({ type: 'success', title: `${d.fullName} saved` });
      onClose();
    },
    onError: (error: unknown) =>
      setRefused(
        applyApiError(error, form.setError, {
          fieldMap: DOCTOR_FIELD_MAP,
          knownFields: Object.values(DOCTOR_FIELD_MAP),
        }),
      ),
  };
  const create = useApiMutation('doctors.create', options);
  const update = useApiMutation('doctors.update', options);
  const onSubmit = form.handleSubmit((v) => {
    setRefused(null);
    if (doctor) update.mutate({ id: doctor.id, details: toDetails(v) });
    else create.mutate({ id: crypto.randomUUID(), details: toDetails(v) });
  });
  const num = { valueAsNumber: true } as const;
  const check = (name: 'overrideBuffers' | 'active', label: string) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <Checkbox.Root checked={field.value} onCheckedChange={(e) => field.onChange(e.checked === true)}>
          <Checkbox.HiddenInput onBlur={field.onBlur} />
          <Checkbox.Control />
          <Checkbox.Label>{label}</Checkbox.Label>
        </Checkbox.Root>
      )}
    />
  );

  return (
    <FormDialog
      open
      title={doctor ? `Edit ${doctor.fullName}` : 'New doctor'}
      submitLabel={doctor ? 'Save' : 'Add doctor'}
      busy={create.isPending || update.isPending}
      refused={refused}
      onSubmit={(e) => void onSubmit(e)}
      onClose={onClose}
      size="lg"
    >
      <SimpleGrid columns={{ base: 1, md: 2 }} gap="4">
        <FormField label="Full name" error={errors.fullName} required>
          <Input {...form.register('fullName')} autoFocus />
        </FormField>
        <FormField label="Specialization" error={errors.specialization} required>
          <Input {...form.register('specialization')} />
        </FormField>
        <FormField label="Qualification" error={errors.qualification}>
          <Input {...form.register('qualification')} />
        </FormField>
        <FormField label="Registration number" error={errors.registrationNumber} required>
          <Input {...form.register('registrationNumber')} />
        </FormField>
        <FormField label="Fee, new visit (₹)" error={errors.feeNewVisit} required>
          <Input type="number" step="0.01" min="0" {...form.register('feeNewVisit', num)} />
        </FormField>
        <FormField label="Fee, follow-up (₹)" error={errors.feeFollowUp} required>
          <Input type="number" step="0.01" min="0" {...form.register('feeFollowUp', num)} />
        </FormField>
        <FormField
          label="Session length (minutes)"
          error={errors.sessionMinutes}
          helper="A multiple of 5"
          required
        >
          <Input type="number" step="5" min="5" {...form.register('sessionMinutes', num)} />
        </FormField>
        <FormField label="Token prefix" error={errors.tokenPrefix} helper="e.g. K for K-012" required>
          <Input {...form.register('tokenPrefix')} />
        </FormField>
      </SimpleGrid>
      {check('overrideBuffers', 'Own buffers instead of the clinic’s default')}
      {overrideBuffers && (
        <SimpleGrid columns={{ base: 1, md: 2 }} gap="4">
          <FormField label="Buffer before (minutes)" error={errors.bufferBefore}>
            <Input type="number" step="5" min="0" {...form.register('bufferBefore', num)} />
          </FormField>
          <FormField label="Buffer after (minutes)" error={errors.bufferAfter}>
            <Input type="number" step="5" min="0" {...form.register('bufferAfter', num)} />
          </FormField>
        </SimpleGrid>
      )}
      {check('active', 'Active (bookable)')}
      {doctor && !form.watch('active') && doctor.active && (
        <Text color="fg.warning" fontSize="sm">
          An inactive doctor is no longer offered for booking; existing appointments stay.
        </Text>
      )}
    </FormDialog>
  );
}
