import { Button, Field, Flex, Input, Stack, Text } from '@chakra-ui/react';
import { type Control, type FieldErrors, useFieldArray, type UseFormRegister } from 'react-hook-form';
import { PlusIcon } from '@renderer/components/icons';
import type { ConsultationForm } from './consultation-form';

/** Requested tests (docs/product.md §8): a name and optional notes each. */
export function TestsEditor({
  control,
  register,
  errors,
}: {
  control: Control<ConsultationForm>;
  register: UseFormRegister<ConsultationForm>;
  errors: FieldErrors<ConsultationForm>['tests'];
}) {
  const { fields, append, remove } = useFieldArray({ control, name: 'tests' });
  return (
    <Stack gap="2">
      <Text fontWeight="medium">Requested tests</Text>
      {fields.map((field, index) => (
        <Flex key={field.id} gap="2" align="end" role="group" aria-label={`Test ${index + 1}`}>
          <Field.Root flex="1" invalid={!!errors?.[index]?.name} required>
            <Field.Label fontSize="xs">Test</Field.Label>
            <Input size="sm" placeholder="e.g. CBC" {...register(`tests.${index}.name`)} />
            <Field.ErrorText>{errors?.[index]?.name?.message}</Field.ErrorText>
          </Field.Root>
          <Field.Root flex="2" invalid={!!errors?.[index]?.notes}>
            <Field.Label fontSize="xs">Notes</Field.Label>
            <Input size="sm" {...register(`tests.${index}.notes`)} />
          </Field.Root>
          <Button
            size="sm"
            variant="ghost"
            colorPalette="red"
            onClick={() => remove(index)}
            aria-label={`Remove test ${index + 1}`}
          >
            Remove
          </Button>
        </Flex>
      ))}
      <div>
        <Button size="sm" variant="outline" onClick={() => append({ name: '', notes: '' })}>
          <PlusIcon /> Add test
        </Button>
      </div>
    </Stack>
  );
}
