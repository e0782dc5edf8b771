import { Checkbox, Fieldset, Input, NativeSelect, SimpleGrid, Stack, Textarea } from '@chakra-ui/react';
import { Controller, type UseFormReturn } from 'react-hook-form';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { DateField } from '@renderer/components/DateField';
import { FormField } from '@renderer/components/FormField';
import { PatientMessageFields } from './PatientMessageFields';
import { BLOOD_GROUPS, type PatientFormValues, SEX_OPTIONS } from './patient-form';

/**
 * The patient demographics inputs (docs/product.md §2). `quick`: the few a receptionist asks at the desk
 * while booking (name, phone, date of birth or age, sex); otherwise everything.
 */
export function PatientFields({
  form,
  quick = false,
}: {
  form: UseFormReturn<PatientFormValues>;
  quick?: boolean;
}) {
  const { register, formState } = form;
  const format = useClinicFormat();
  const errors = formState.errors;
  return (
    <>
      <Fieldset.Root>
        <Fieldset.Legend srOnly={quick}>Identity and contact</Fieldset.Legend>
        <SimpleGrid columns={{ base: 1, md: 2 }} gap="3">
          <FormField label="Full name" error={errors.fullName} required>
            <Input autoComplete="off" {...register('fullName')} />
          </FormField>
          <FormField label="Phone" error={errors.phone} helper="Digits, optional leading +">
            <Input type="tel" autoComplete="off" {...register('phone')} />
          </FormField>
          <Controller
            control={form.control}
            name="dateOfBirth"
            render={({ field, fieldState }) => (
              <DateField
                label="Date of birth"
                max={format.today()}
                value={field.value}
                onChange={(value) => field.onChange(value)}
                onBlur={field.onBlur}
                error={fieldState.error?.message}
              />
            )}
          />
          <FormField
            label="Age (years)"
            error={errors.ageYears}
            helper="If the date of birth is not known: recorded as estimated"
          >
            <Input inputMode="numeric" {...register('ageYears')} />
          </FormField>
          <FormField label="Sex" error={errors.sex}>
            <NativeSelect.Root>
              <NativeSelect.Field {...register('sex')}>
                {SEX_OPTIONS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </NativeSelect.Field>
              <NativeSelect.Indicator />
            </NativeSelect.Root>
          </FormField>
          {!quick && (
            <>
              <FormField label="Email" error={errors.email}>
                <Input type="email" autoComplete="off" {...register('email')} />
              </FormField>
              <FormField label="Blood group" error={errors.bloodGroup}>
                <NativeSelect.Root>
                  <NativeSelect.Field {...register('bloodGroup')}>
                    <option value="">Not known</option>
                    {BLOOD_GROUPS.map((g) => (
                      <option key={g} value={g}>
                        {g}
                      </option>
                    ))}
                  </NativeSelect.Field>
                  <NativeSelect.Indicator />
                </NativeSelect.Root>
              </FormField>
              <FormField label="Address" error={errors.address}>
                <Textarea rows={2} {...register('address')} />
              </FormField>
            </>
          )}
        </SimpleGrid>
      </Fieldset.Root>
      {!quick && (
        <>
          <Fieldset.Root>
            <Fieldset.Legend>Medical background</Fieldset.Legend>
            <SimpleGrid columns={{ base: 1, md: 2 }} gap="3">
              <Stack gap="2">
                <FormField
                  label="Allergies"
                  error={errors.allergies}
                  helper="One per line or comma-separated; leave empty if not asked"
                >
                  <Textarea rows={2} {...register('allergies')} />
                </FormField>
                <NoKnownAllergies form={form} />
              </Stack>
              <FormField
                label="Chronic conditions"
                error={errors.chronicConditions}
                helper="One per line or comma-separated"
              >
                <Textarea rows={2} {...register('chronicConditions')} />
              </FormField>
            </SimpleGrid>
          </Fieldset.Root>
          <Fieldset.Root>
            <Fieldset.Legend>Insurance</Fieldset.Legend>
            <SimpleGrid columns={{ base: 1, md: 3 }} gap="3">
              <FormField label="Insurance provider" error={errors.insuranceProvider}>
                <Input {...register('insuranceProvider')} />
              </FormField>
              <FormField label="Policy number" error={errors.insurancePolicy}>
                <Input {...register('insurancePolicy')} />
              </FormField>
              <Controller
                control={form.control}
                name="insuranceValidUntil"
                render={({ field, fieldState }) => (
                  <DateField
                    label="Valid until"
                    value={field.value}
                    onChange={(value) => field.onChange(value)}
                    onBlur={field.onBlur}
                    error={fieldState.error?.message}
                  />
                )}
              />
            </SimpleGrid>
          </Fieldset.Root>
          <Fieldset.Root>
            <Fieldset.Legend>Emergency contact</Fieldset.Legend>
            <SimpleGrid columns={{ base: 1, md: 3 }} gap="3">
              <FormField label="Contact name" error={errors.emergencyName}>
                <Input {...register('emergencyName')} />
              </FormField>
              <FormField label="Relationship" error={errors.emergencyRelationship}>
                <Input {...register('emergencyRelationship')} />
              </FormField>
              <FormField label="Contact phone" error={errors.emergencyPhone}>
                <Input type="tel" {...register('emergencyPhone')} />
              </FormField>
            </SimpleGrid>
          </Fieldset.Root>
          <PatientMessageFields form={form} />
        </>
      )}
    </>
  );
}

/** "Asked: none known" — without it an empty list stays "Allergies: not recorded". */
function NoKnownAllergies({ form }: { form: UseFormReturn<PatientFormValues> }) {
  const listed = form.watch('allergies').trim() !== '';
  return (
    <Controller
      control={form.control}
      name="noKnownAllergies"
      render={({ field }) => (
        <Checkbox.Root
          checked={field.value && !listed}
          onCheckedChange={(e) => field.onChange(e.checked === true)}
          name={field.name}
          disabled={listed}
        >
          <Checkbox.HiddenInput onBlur={field.onBlur} />
          <Checkbox.Control />
          <Checkbox.Label>Asked: no known allergies</Checkbox.Label>
        </Checkbox.Root>
      )}
    />
  );
}
