import { Input, Stack, Text } from '@chakra-ui/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { ApiError } from '@shared/contract/errors';
import type { User } from '@shared/domain/user.schema';
import { passwordSchema } from '@shared/domain/user.schema';
import { applyApiError } from '@renderer/api/form-errors';
import { useApiMutation } from '@renderer/api/hooks';
import { FormDialog } from '@renderer/components/FormDialog';
import { FormField } from '@renderer/components/FormField';
import { toaster } from '@renderer/components/toaster';

const schema = z
  .object({ password: passwordSchema, confirmPassword: z.string() })
  .refine((v) => v.password === v.confirmPassword, {
    path: ['confirmPassword'],
    error: 'the two passwords differ',
  });
type Values = z.infer<typeof schema>;

/** The admin sets a new password (`users.resetPassword`); the user's sessions end. */
export function ResetPasswordDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const [refused, setRefused] = useState<ApiError | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { password: '', confirmPassword: '' },
  });
  const { errors } = form.formState;
  const reset = useApiMutation('users.resetPassword', {
    onSuccess: () => {
      toaster.create({ type: 'success', title: `New password set for ${user.displayName}` });
      onClose();
    },
    onError: (error) => setRefused(applyApiError(error, form.setError, { knownFields: ['password'] })),
  });
  const onSubmit = form.handleSubmit((v) => {
    setRefused(null);
    reset.mutate({ id: user.id, password: v.password });
  });
  return (
    <FormDialog
      open
      title={`Reset the password of ${user.displayName}`}
      submitLabel="Set password"
      busy={reset.isPending}
      refused={refused}
      onSubmit={(e) => void onSubmit(e)}
      onClose={onClose}
    >
      <Stack gap="4">
        <Text color="fg.muted">They are signed out everywhere and sign in again with this password.</Text>
        <FormField label="New password" error={errors.password} helper="At least 10 characters" required>
          <Input type="password" autoComplete="new-password" {...form.register('password')} autoFocus />
        </FormField>
        <FormField label="New password again" error={errors.confirmPassword} required>
          <Input type="password" autoComplete="new-password" {...form.register('confirmPassword')} />
        </FormField>
      </Stack>
    </FormDialog>
  );
}
