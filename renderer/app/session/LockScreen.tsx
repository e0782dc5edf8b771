import { Button, HStack, Input, Stack, Text } from '@chakra-ui/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { ApiError } from '@shared/contract/errors';
import { useApiClient } from '@renderer/api/ApiProvider';
import { applyApiError } from '@renderer/api/form-errors';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { FormField } from '@renderer/components/FormField';
import { AuthCard } from './AuthCard';
import { useCurrentUser, useSession } from './SessionProvider';

const unlockSchema = z.object({ password: z.string().min(1, 'Enter your password') });

/**
 * The screen lock: covers everything (nothing of the screen underneath stays visible) until the
 * same user enters the password again, which signs in afresh (auth.login).
 */
export function LockScreen({ onUnlocked }: { onUnlocked: () => void }) {
  const user = useCurrentUser();
  const client = useApiClient();
  const { adopt, signOut } = useSession();
  const [refused, setRefused] = useState<ApiError | null>(null);
  const form = useForm<{ password: string }>({
    resolver: zodResolver(unlockSchema),
    defaultValues: { password: '' },
  });

  const onSubmit = form.handleSubmit(async ({ password }) => {
    setRefused(null);
    try {
      const session = await client.call('auth.login', {
        username: user.username,
        password,
        deviceId: client.deviceId,
      });
      await adopt(session);
      onUnlocked();
    } catch (error) {
      setRefused(applyApiError(error, form.setError, { knownFields: ['password'] }));
    }
  });

  return (
    <Stack position="fixed" inset="0" zIndex="overlay" bg="bg.canvas" data-testid="lock-screen">
      <AuthCard title="Screen locked" subtitle={`Signed in as ${user.displayName}`}>
        <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Unlock">
          <Stack gap="4">
            <Text color="fg.muted">
              The screen locked after a while without use. Enter your password to continue.
            </Text>
            <ErrorMessage error={refused} />
            <FormField label="Password" error={form.formState.errors.password}>
              <Input
                type="password"
                autoComplete="current-password"
                autoFocus
                {...form.register('password')}
              />
            </FormField>
            <HStack justify="space-between">
              <Button variant="ghost" onClick={() => void signOut()}>
                Sign out
              </Button>
              <Button type="submit" loading={form.formState.isSubmitting}>
                Unlock
              </Button>
            </HStack>
          </Stack>
        </form>
      </AuthCard>
    </Stack>
  );
}
