import { Input, Stack, Text } from '@chakra-ui/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { ApiError } from '@shared/contract/errors';
import { personNameSchema } from '@shared/domain/common.schema';
import type { User } from '@shared/domain/user.schema';
import { applyApiError } from '@renderer/api/form-errors';
import { useApiMutation } from '@renderer/api/hooks';
import { FormDialog } from '@renderer/components/FormDialog';
import { FormField } from '@renderer/components/FormField';
import { toaster } from '@renderer/components/toaster';
import { useDoctors } from '@renderer/screens/shared/appointments/use-people';
import { RoleFields } from './RoleFields';
import { STAFF_ROLES } from './user-labels';

const schema = z
  .object({ displayName: personNameSchema, role: z.enum(STAFF_ROLES), doctorId: z.string() })
  .refine((v) => v.role !== 'doctor' || v.doctorId !== '', {
    path: ['doctorId'],
    error: 'choose the doctor profile this account signs in as',
  });
type Values = z.infer<typeof schema>;

/** Name, role and doctor link of a staff account (`users.update`); a role change signs them out. */
export function EditUserDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const [refused, setRefused] = useState<ApiError | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: {
      displayName: user.displayName,
      role: user.role === 'patient' ? 'receptionist' : user.role,
      doctorId: user.doctorId ?? '',
    },
  });
  const { errors } = form.formState;
  const role = form.watch('role');
  const { doctors } = useDoctors();
  const choices = doctors.filter((d) => d.id === user.doctorId || (d.userId === null && d.active));
  const update = useApiMutation('users.update', {
    onSuccess: (u) => {
      toaster.create({ type: 'success', title: `${u.displayName} saved` });
      onClose();
    },
    onError: (error) =>
      setRefused(applyApiError(error, form.setError, { knownFields: ['displayName', 'role', 'doctorId'] })),
  });
  const onSubmit = form.handleSubmit((v) => {
    setRefused(null);
    update.mutate({
      id: user.id,
      displayName: v.displayName,
      role: v.role,
      doctorId: v.role === 'doctor' ? v.doctorId : null,
    });
  });
  return (
    <FormDialog
      open
      title={`Edit ${user.username}`}
      submitLabel="Save"
      busy={update.isPending}
      refused={refused}
      onSubmit={(e) => void onSubmit(e)}
      onClose={onClose}
    >
      <Stack gap="4">
        <FormField label="Full name" error={errors.displayName} required>
          <Input {...form.register('displayName')} autoFocus />
        </FormField>
        <RoleFields
          role={role}
          roleField={form.register('role')}
          doctorField={form.register('doctorId')}
          doctors={choices}
          errors={errors}
        />
        {role !== user.role && (
          <Text color="fg.warning" fontSize="sm" role="status">
            Changing the role signs {user.displayName} out everywhere; they sign in again with the new role.
          </Text>
        )}
      </Stack>
    </FormDialog>
  );
}
