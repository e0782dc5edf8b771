import { Button, Input, Separator, SimpleGrid, Stack, Text } from '@chakra-ui/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { ApiError } from '@shared/contract/errors';
import { personNameSchema, requiredText, timeZoneSchema } from '@shared/domain/common.schema';
import { passwordSchema, usernameSchema } from '@shared/domain/user.schema';
import { useApiClient } from '@renderer/api/ApiProvider';
import { applyApiError } from '@renderer/api/form-errors';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { FormField } from '@renderer/components/FormField';
import { AuthCard } from './AuthCard';
import { useSession } from './SessionProvider';

const setupSchema = z
  .object({
    clinicName: requiredText(120),
    timeZone: timeZoneSchema,
    username: usernameSchema,
    displayName: personNameSchema,
    password: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ['confirmPassword'],
    error: 'the two passwords differ',
  });
type SetupValues = z.infer<typeof setupSchema>;

/** First run on a new hub (`auth.setupStatus` says so): the clinic's name and zone, and the first admin. */
export function SetupScreen() {
  const client = useApiClient();
  const { adopt } = useSession();
  const [refused, setRefused] = useState<ApiError | null>(null);
  const form = useForm<SetupValues>({
    resolver: zodResolver(setupSchema),
    defaultValues: {
      clinicName: '',
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      username: 'admin',
      displayName: '',
      password: '',
      confirmPassword: '',
    },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setRefused(null);
    try {
      const session = await client.call('auth.setup', {
        settings: { clinicName: values.clinicName, timeZone: values.timeZone },
        admin: { username: values.username, displayName: values.displayName, password: values.password },
        deviceId: client.deviceId,
      });
      await adopt(session);
    } catch (error) {
      setRefused(
        applyApiError(error, form.setError, {
          fieldMap: {
            'settings.clinicName': 'clinicName',
            'settings.timeZone': 'timeZone',
            'admin.username': 'username',
            'admin.displayName': 'displayName',
            'admin.password': 'password',
          },
          knownFields: ['clinicName', 'timeZone', 'username', 'displayName', 'password'],
        }),
      );
    }
  });

  return (
    <AuthCard
      title="Set up this clinic"
      subtitle="First start of this hub: name the clinic and create the admin account."
      width="lg"
    >
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Clinic setup">
        <Stack gap="4">
          <ErrorMessage error={refused} />
          <SimpleGrid columns={{ base: 1, md: 2 }} gap="4">
            <FormField label="Clinic name" error={errors.clinicName} required>
              <Input {...form.register('clinicName')} autoFocus />
            </FormField>
            <FormField
              label="Time zone"
              error={errors.timeZone}
              helper="IANA name, e.g. Asia/Kolkata"
              required
            >
              <Input {...form.register('timeZone')} />
            </FormField>
          </SimpleGrid>
          <Separator />
          <Text fontWeight="semibold">The admin account</Text>
          <SimpleGrid columns={{ base: 1, md: 2 }} gap="4">
            <FormField label="Username" error={errors.username} required>
              <Input autoComplete="username" {...form.register('username')} />
            </FormField>
            <FormField label="Full name" error={errors.displayName} required>
              <Input autoComplete="name" {...form.register('displayName')} />
            </FormField>
            <FormField label="Password" error={errors.password} required>
              <Input type="password" autoComplete="new-password" {...form.register('password')} />
            </FormField>
            <FormField label="Password again" error={errors.confirmPassword} required>
              <Input type="password" autoComplete="new-password" {...form.register('confirmPassword')} />
            </FormField>
          </SimpleGrid>
          <Button type="submit" loading={isSubmitting} loadingText="Setting up…" alignSelf="flex-end">
            Set up the clinic
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
