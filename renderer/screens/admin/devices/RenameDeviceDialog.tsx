import { Button, Input, Stack, Text } from '@chakra-ui/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { ApiError } from '@shared/contract/errors';
import { requiredText } from '@shared/domain/common.schema';
import type { Device } from '@shared/domain/user.schema';
import { applyApiError } from '@renderer/api/form-errors';
import { useApiMutation } from '@renderer/api/hooks';
import { FormDialog } from '@renderer/components/FormDialog';
import { FormField } from '@renderer/components/FormField';
import { toaster } from '@renderer/components/toaster';

const schema = z.object({ name: requiredText(60) });
type Values = z.infer<typeof schema>;

/** The admin names a device ("Reception PC"); screens then show that name wherever it acted. */
export function RenameDeviceDialog({ device, onClose }: { device: Device; onClose: () => void }) {
  const [refused, setRefused] = useState<ApiError | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { name: device.name } });
  const rename = useApiMutation('devices.rename', {
    onSuccess: (_result, input) => {
      toaster.create({
        type: 'success',
        title: input.name ? `Device renamed “${input.name}”` : 'Device named as it names itself',
      });
      onClose();
    },
    onError: (error) => setRefused(applyApiError(error, form.setError, { knownFields: ['name'] })),
  });
  const onSubmit = form.handleSubmit((v) => {
    setRefused(null);
    rename.mutate({ deviceId: device.id, name: v.name });
  });
  return (
    <FormDialog
      open
      title={`Rename ${device.name}`}
      formLabel="Rename device"
      submitLabel="Save name"
      busy={rename.isPending}
      refused={refused}
      onSubmit={(e) => void onSubmit(e)}
      onClose={onClose}
    >
      <Stack gap="4">
        <Text color="fg.muted">
          Where the audit log and appointment histories say something was done, they use this name.
        </Text>
        <FormField label="Device name" error={form.formState.errors.name} required>
          <Input autoComplete="off" autoFocus {...form.register('name')} />
        </FormField>
        {device.givenName && (
          <Button
            alignSelf="start"
            size="sm"
            variant="outline"
            onClick={() => rename.mutate({ deviceId: device.id, name: null })}
          >
            Use the name the device gives itself
          </Button>
        )}
      </Stack>
    </FormDialog>
  );
}
