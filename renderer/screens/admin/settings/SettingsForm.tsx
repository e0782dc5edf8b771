import { Button, HStack, SimpleGrid, Stack, Text } from '@chakra-ui/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { type Resolver, useForm } from 'react-hook-form';
import type { ApiError } from '@shared/contract/errors';
import { type ClinicSettings, clinicSettingsSchema } from '@shared/domain/settings.schema';
import { applyApiError } from '@renderer/api/form-errors';
import { useApiMutation } from '@renderer/api/hooks';
import { Panel } from '@renderer/components/admin/Panel';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { toaster } from '@renderer/components/toaster';
import { useShortcut } from '@renderer/app/shortcuts/ShortcutProvider';
import { SettingsInput } from './SettingsInput';
import { SETTINGS_ERROR_PATHS, SETTINGS_GROUPS } from './settings-groups';

/** One form for every setting, grouped; the hub's refusals land on their fields. */
export function SettingsForm({ settings }: { settings: ClinicSettings }) {
  const [refused, setRefused] = useState<ApiError | null>(null);
  const form = useForm<ClinicSettings>({
    resolver: zodResolver(clinicSettingsSchema) as unknown as Resolver<ClinicSettings>,
    defaultValues: settings,
  });
  const save = useApiMutation('settings.update', {
    onSuccess: (saved) => {
      form.reset(saved);
      toaster.create({ type: 'success', title: 'Settings saved' });
    },
    onError: (error) =>
      setRefused(
        applyApiError(error, form.setError, {
          knownFields: SETTINGS_ERROR_PATHS as (keyof ClinicSettings)[],
        }),
      ),
  });
  const onSubmit = form.handleSubmit((values) => {
    setRefused(null);
    save.mutate(values);
  });
  useShortcut(['mod+s'], () => void onSubmit(), { description: 'Save the settings', allowInInputs: true });
  const dirty = form.formState.isDirty;

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Clinic settings">
      <Stack gap="5">
        <ErrorMessage error={refused} />
        {SETTINGS_GROUPS.map((group) => (
          <Panel key={group.title} title={group.title}>
            <Text color="fg.muted" mb="3" mt="-2" fontSize="sm">
              {group.description}
            </Text>
            <SimpleGrid columns={{ base: 1, md: 2 }} gap="4">
              {group.fields.map((field) => (
                <SettingsInput key={field.path} field={field} form={form} />
              ))}
            </SimpleGrid>
          </Panel>
        ))}
        <HStack
          justify="flex-end"
          gap="3"
          position="sticky"
          bottom="0"
          bg="bg"
          py="3"
          borderTopWidth="1px"
          zIndex="docked"
        >
          {dirty && (
            <Text color="fg.muted" fontSize="sm" role="status">
              Unsaved changes
            </Text>
          )}
          <Button variant="outline" disabled={!dirty} onClick={() => form.reset(settings)}>
            Discard changes
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!dirty}>
            Save settings
          </Button>
        </HStack>
      </Stack>
    </form>
  );
}
