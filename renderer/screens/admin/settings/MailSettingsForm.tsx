import {
  Badge,
  Button,
  HStack,
  Input,
  NativeSelect,
  SimpleGrid,
  Stack,
  Switch,
  Text,
} from '@chakra-ui/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { ApiError } from '@shared/contract/errors';
import type { SmtpSettingsView } from '@shared/domain/notification.schema';
import { applyApiError } from '@renderer/api/form-errors';
import { useApiMutation } from '@renderer/api/hooks';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { FormField } from '@renderer/components/FormField';
import { toaster } from '@renderer/components/toaster';
import {
  MAIL_FIELDS,
  type MailFormValues,
  mailFormSchema,
  mailFormValues,
  mailSaveInput,
  SECURITY_OPTIONS,
} from './mail-form';

/** The outgoing mail server; the password is write-only (the hub says only whether one is stored). */
export function MailSettingsForm({
  view,
  onDirtyChange,
}: {
  view: SmtpSettingsView;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const [refused, setRefused] = useState<ApiError | null>(null);
  const [clearPassword, setClearPassword] = useState(false);
  const form = useForm<MailFormValues>({
    resolver: zodResolver(mailFormSchema),
    defaultValues: mailFormValues(view),
  });
  const { errors } = form.formState;
  const save = useApiMutation('messages.saveMailSettings', {
    onSuccess: (saved) => {
      form.reset(mailFormValues(saved));
      setClearPassword(false);
      toaster.create({ type: 'success', title: 'E-mail settings saved' });
    },
    onError: (error) => setRefused(applyApiError(error, form.setError, { knownFields: MAIL_FIELDS })),
  });
  const onSubmit = form.handleSubmit((values) => {
    setRefused(null);
    save.mutate(mailSaveInput(values, clearPassword));
  });
  const dirty = form.formState.isDirty || clearPassword;
  const stored = view.passwordSet && !clearPassword;
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Outgoing e-mail settings">
      <Stack gap="4">
        <ErrorMessage error={refused} />
        <Controller
          control={form.control}
          name="enabled"
          render={({ field }) => (
            <FormField label="Send e-mail" helper="Off: no e-mail is sent; SMS and the app still are.">
              <Switch.Root
                checked={field.value}
                onCheckedChange={(e) => field.onChange(e.checked)}
                colorPalette="teal"
              >
                <Switch.HiddenInput onBlur={field.onBlur} name={field.name} aria-label="Send e-mail" />
                <Switch.Control />
                <Switch.Label>{field.value ? 'On' : 'Off'}</Switch.Label>
              </Switch.Root>
            </FormField>
          )}
        />
        <SimpleGrid columns={{ base: 1, md: 2 }} gap="4">
          <FormField label="Server (host)" error={errors.host} helper="e.g. smtp.gmail.com">
            <Input {...form.register('host')} autoComplete="off" />
          </FormField>
          <FormField label="Port" error={errors.port}>
            <Input type="number" inputMode="numeric" {...form.register('port', { valueAsNumber: true })} />
          </FormField>
          <FormField label="Security" error={errors.security}>
            <NativeSelect.Root>
              <NativeSelect.Field {...form.register('security')}>
                {SECURITY_OPTIONS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </NativeSelect.Field>
              <NativeSelect.Indicator />
            </NativeSelect.Root>
          </FormField>
          <FormField label="Username" error={errors.username}>
            <Input {...form.register('username')} autoComplete="off" />
          </FormField>
          <FormField
            label="Password"
            error={errors.password}
            helper={
              clearPassword
                ? 'The stored password is removed when you save.'
                : stored
                  ? 'Leave blank to keep the stored password.'
                  : 'No password is stored.'
            }
          >
            <Input
              type="password"
              autoComplete="new-password"
              placeholder={stored ? 'Leave blank to keep it' : ''}
              disabled={clearPassword}
              {...form.register('password')}
            />
            {view.passwordSet && (
              <HStack gap="2" mt="1">
                {stored && (
                  <Badge colorPalette="teal" data-testid="password-stored">
                    A password is stored
                  </Badge>
                )}
                <Button
                  size="xs"
                  variant="outline"
                  onClick={() => {
                    setClearPassword(!clearPassword);
                    form.setValue('password', '');
                  }}
                >
                  {clearPassword ? 'Keep the stored password' : 'Clear password'}
                </Button>
              </HStack>
            )}
          </FormField>
          <FormField label="From address" error={errors.fromAddress} helper="The sender patients see">
            <Input
              type="email"
              {...form.register('fromAddress', {
                setValueAs: (v: string | null) => (v?.trim() ? v.trim() : null),
              })}
            />
          </FormField>
          <FormField label="From name" error={errors.fromName} helper="e.g. the clinic's name">
            <Input {...form.register('fromName')} />
          </FormField>
        </SimpleGrid>
        <HStack justify="flex-end" gap="3">
          {dirty && (
            <Text color="fg.muted" fontSize="sm" role="status">
              Unsaved changes
            </Text>
          )}
          <Button
            variant="outline"
            disabled={!dirty}
            onClick={() => {
              form.reset(mailFormValues(view));
              setClearPassword(false);
            }}
          >
            Discard changes
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!dirty}>
            Save e-mail settings
          </Button>
        </HStack>
      </Stack>
    </form>
  );
}
