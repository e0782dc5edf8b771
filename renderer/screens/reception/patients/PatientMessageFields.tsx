import { Checkbox, Fieldset, NativeSelect, SimpleGrid, Stack, Text } from '@chakra-ui/react';
import { Controller, type UseFormReturn } from 'react-hook-form';
import { FormField } from '@renderer/components/FormField';
import type { PatientFormValues } from './patient-form';

type Choice = 'smsOptOut' | 'emailOptOut' | 'emailAttachments';

/** The patient's message choices: the language of their messages and the channels they refuse. */
export function PatientMessageFields({ form }: { form: UseFormReturn<PatientFormValues> }) {
  const { register, control, formState, watch } = form;
  const noEmail = watch('emailOptOut');
  const box = (name: Choice, label: string, disabled = false) => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Checkbox.Root
          checked={field.value}
          onCheckedChange={(e) => field.onChange(e.checked === true)}
          name={field.name}
          disabled={disabled}
        >
          <Checkbox.HiddenInput onBlur={field.onBlur} />
          <Checkbox.Control />
          <Checkbox.Label>{label}</Checkbox.Label>
        </Checkbox.Root>
      )}
    />
  );
  return (
    <Fieldset.Root>
      <Fieldset.Legend>Messages</Fieldset.Legend>
      <SimpleGrid columns={{ base: 1, md: 2 }} gap="3" alignItems="start">
        <FormField
          label="Language of messages"
          error={formState.errors.preferredLanguage}
          helper="SMS, e-mail and app messages use it"
        >
          <NativeSelect.Root>
            <NativeSelect.Field {...register('preferredLanguage')}>
              <option value="en">English</option>
              <option value="hi" lang="hi">
                हिन्दी
              </option>
            </NativeSelect.Field>
            <NativeSelect.Indicator />
          </NativeSelect.Root>
        </FormField>
        <Stack gap="2" pt="1">
          {box('smsOptOut', 'No SMS')}
          {box('emailOptOut', 'No e-mail')}
          {box('emailAttachments', 'Attach receipts and prescriptions to e-mails', noEmail)}
          <Text color="fg.muted" fontSize="sm">
            Without attachments, an e-mail says the document is in the patient’s app.
          </Text>
        </Stack>
      </SimpleGrid>
    </Fieldset.Root>
  );
}
