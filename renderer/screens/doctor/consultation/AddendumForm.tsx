import { Button, Stack, Textarea } from '@chakra-ui/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { ApiError } from '@shared/contract/errors';
import { addendumSchema } from '@shared/domain/consultation.schema';
import { applyApiError } from '@renderer/api/form-errors';
import { useApiMutation } from '@renderer/api/hooks';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { FormField } from '@renderer/components/FormField';
import { toaster } from '@renderer/components/toaster';

const schema = z.strictObject({ text: addendumSchema.shape.text });
type AddendumValues = z.input<typeof schema>;

/** A correction after signing, with author and time (the signed record never changes). */
export function AddendumForm({ consultationId }: { consultationId: string }) {
  const form = useForm<AddendumValues>({ resolver: zodResolver(schema), defaultValues: { text: '' } });
  const [refused, setRefused] = useState<ApiError | null>(null);
  const add = useApiMutation('consultations.addAddendum', {
    onSuccess: () => {
      form.reset({ text: '' });
      setRefused(null);
      toaster.create({ type: 'success', title: 'Addendum added' });
    },
    onError: (error) => setRefused(applyApiError(error, form.setError, { knownFields: ['text'] })),
  });
  return (
    <form
      aria-label="Add an addendum"
      onSubmit={(e) =>
        void form.handleSubmit((v) => add.mutate({ id: crypto.randomUUID(), consultationId, text: v.text }))(
          e,
        )
      }
    >
      <Stack gap="2">
        <FormField label="Addendum" error={form.formState.errors.text}>
          <Textarea rows={2} {...form.register('text')} />
        </FormField>
        <ErrorMessage error={refused} />
        <div>
          <Button type="submit" size="sm" variant="outline" loading={add.isPending}>
            Add addendum
          </Button>
        </div>
      </Stack>
    </form>
  );
}
