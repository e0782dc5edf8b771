import { Alert, Button, Input, Stack } from '@chakra-ui/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { ApiError } from '@shared/contract/errors';
import { applyApiError } from '@renderer/api/form-errors';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { FormField } from '@renderer/components/FormField';
import { AuthCard } from './AuthCard';
import { useSession } from './SessionProvider';

const signInSchema = z.object({
  username: z.string().trim().min(1, 'Enter your username'),
  password: z.string().min(1, 'Enter your password'),
});
type SignInValues = z.infer<typeof signInSchema>;

export function SignInScreen({ clinicName, notice }: { clinicName: string | null; notice: string | null }) {
  const { signIn } = useSession();
  const [refused, setRefused] = useState<ApiError | null>(null);
  const form = useForm<SignInValues>({
    resolver: zodResolver(signInSchema),
    defaultValues: { username: '', password: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ username, password }) => {
    setRefused(null);
    try {
      await signIn(username, password);
    } catch (error) {
      setRefused(applyApiError(error, form.setError, { knownFields: ['username', 'password'] }));
    }
  });

  return (
    <AuthCard title="Sign in" subtitle={clinicName ?? 'Staff sign-in'}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Sign in">
        <Stack gap="4">
          {notice && (
            <Alert.Root status="info">
              <Alert.Indicator />
              <Alert.Title>{notice}</Alert.Title>
            </Alert.Root>
          )}
          <ErrorMessage error={refused} />
          <FormField label="Username" error={errors.username}>
            <Input autoComplete="username" autoFocus {...form.register('username')} />
          </FormField>
          <FormField label="Password" error={errors.password}>
            <Input type="password" autoComplete="current-password" {...form.register('password')} />
          </FormField>
          <Button type="submit" loading={isSubmitting} loadingText="Signing in…" width="full">
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
