import { Input, NativeSelect, Stack } from '@chakra-ui/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { ApiError } from '@shared/contract/errors';
import { type Room, roomStatusSchema } from '@shared/domain/doctor.schema';
import { roomNameSchema } from '@shared/domain/schedule.schema';
import { applyApiError } from '@renderer/api/form-errors';
import { useApiMutation } from '@renderer/api/hooks';
import { FormDialog } from '@renderer/components/FormDialog';
import { FormField } from '@renderer/components/FormField';
import { toaster } from '@renderer/components/toaster';

export const ROOM_TYPES = {
  consultation: 'Consultation',
  procedure: 'Procedure',
  telemedicine: 'Telemedicine',
  other: 'Other',
} as const;

const schema = z.object({
  name: roomNameSchema,
  type: z.enum(['consultation', 'procedure', 'telemedicine', 'other']),
  status: roomStatusSchema,
});
type Values = z.infer<typeof schema>;
const FIELD_MAP = { 'details.name': 'name', 'details.type': 'type', 'details.status': 'status' } as const;

/** Add a room (`rooms.create`) or change one, e.g. out of service (`rooms.update`). */
export function RoomDialog({ room, onClose }: { room: Room | null; onClose: () => void }) {
  const [refused, setRefused] = useState<ApiError | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: room ?? { name: '', type: 'consultation', status: 'available' },
  });
  const { errors } = form.formState;
  const options = {
    onSuccess: (r: Room) => {
      toaster.create({ type: 'success', title: `${r.name} saved` });
      onClose();
    },
    onError: (error: unknown) =>
      setRefused(
        applyApiError(error, form.setError, { fieldMap: FIELD_MAP, knownFields: ['name', 'type', 'status'] }),
      ),
  };
  const create = useApiMutation('rooms.create', options);
  const update = useApiMutation('rooms.update', options);
  const onSubmit = form.handleSubmit((details) => {
    setRefused(null);
    if (room) update.mutate({ id: room.id, details });
    else create.mutate({ id: crypto.randomUUID(), details });
  });
  return (
    <FormDialog
      open
      title={room ? `Edit ${room.name}` : 'New room'}
      submitLabel={room ? 'Save' : 'Add room'}
      busy={create.isPending || update.isPending}
      refused={refused}
      onSubmit={(e) => void onSubmit(e)}
      onClose={onClose}
      size="sm"
    >
      <Stack gap="4">
        <FormField label="Name" error={errors.name} required>
          <Input {...form.register('name')} autoFocus />
        </FormField>
        <FormField label="Type" error={errors.type}>
          <NativeSelect.Root>
            <NativeSelect.Field {...form.register('type')}>
              {Object.entries(ROOM_TYPES).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </NativeSelect.Field>
            <NativeSelect.Indicator />
          </NativeSelect.Root>
        </FormField>
        <FormField label="Status" error={errors.status}>
          <NativeSelect.Root>
            <NativeSelect.Field {...form.register('status')}>
              <option value="available">Available</option>
              <option value="out_of_service">Out of service</option>
            </NativeSelect.Field>
            <NativeSelect.Indicator />
          </NativeSelect.Root>
        </FormField>
      </Stack>
    </FormDialog>
  );
}
