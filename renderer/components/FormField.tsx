import { Field } from '@chakra-ui/react';
import type { ReactNode } from 'react';
import type { FieldError } from 'react-hook-form';

/**
 * A labelled form field showing its react-hook-form error (client-side zod, or the hub's via
 * `applyApiError`). Put the input inside: `<FormField label="Username" error={errors.username}>
 * <Input {...register('username')} /></FormField>`.
 */
export function FormField({
  label,
  error,
  helper,
  required,
  children,
}: {
  label: string;
  error?: FieldError | undefined;
  helper?: string;
  required?: boolean;
  children: ReactNode;
}) {
  return (
    <Field.Root invalid={!!error} required={required ?? false}>
      <Field.Label>
        {label}
        {required && <Field.RequiredIndicator />}
      </Field.Label>
      {children}
      {helper && !error && <Field.HelperText>{helper}</Field.HelperText>}
      {error?.message && <Field.ErrorText>{error.message}</Field.ErrorText>}
    </Field.Root>
  );
}
