import { Input, SimpleGrid } from '@chakra-ui/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { ApiError } from '@shared/contract/errors';
import { personNameSchema } from '@shared/domain/common.schema';
import { passwordSchema, usernameSchema } from '@shared/domain/user.schema';
import { applyApiError } from '@renderer/api/form-errors';
import { useApiMutation } from '@renderer/api/hooks';
import { FormDialog } from '@renderer/components/FormDialog';
import { FormField } from '@renderer/components/FormField';
import { toaster } from '@renderer/components/toaster';
import { useDoctors } from '@renderer/screens/shared/appointments/use-people';
import { RoleFields } from './RoleFields';
import { STAFF_ROLES } from './user-labels';

const schema = z
  .object({
    username: usernameSchema,
    displayName: personNameSchema,
    role: z.enum(STAFF_ROLES),
    doctorId: z.string(),
    password: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ['confirmPassword'],
    error: 'the two passwords differ',
  })
  .refine((v) => v.role !== 'doctor' || v.doctorId !== '', {
    path: ['doctorId'],
    error: 'choose the doctor profile this account signs in as',
  });
type Values = z.infer<typeof schema>;

const EMPTY: Values = {
  username: '',
  displayName: '',
  role: 'receptionist',
  doctorId: '',
  password: '',
  confirmPassword: '',
};

/** A new staff account (`users.create`); doctors are linked to their doctor profile. */
export function CreateUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [refused, setRefused] = useState<ApiError | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: EMPTY });
  const { errors } = form.formState;
  const role = form.watch('role');
  const { doctors } = useDoctors();
  const unlinked = doctors.filter((d) => d.userId === null && d.active);
  const close = () => {
    form.reset(EMPTY);
    setRefused(null);
    onClose();
  };
  const create = useApiMutation('users.create', {
    onSuccess: (user) => {
      toaster.create({ type: 'success', title: `${user.displayName} can now sign in as ${user.username}` });
      close();
    },
    onError: (error) =>
      setRefused(
        applyApiError(error, form.setError, {
          knownFields: ['username', 'displayName', 'role', 'doctorId', 'password'],
        }),
      ),
  });
  const onSubmit = form.handleSubmit((v) => {
    setRefused(null);
    create.mutate({
      id: crypto.randomUUID(),
      username: v.username,
      displayName: v.displayName,
      role: v.role,
      doctorId: v.role === 'doctor' ? v.doctorId : null,
      password: v.password,
    });
  });

  return (
    <FormDialog
      open={open}
      title="New user"
      submitLabel="Create user"
      busy={create.isPending}
      refused={refused}
      onSubmit={(e) => void onSubmit(e)}
      onClose={close}
      size="lg"
    >
      <SimpleGrid columns={{ base: 1, md: 2 }} gap="4">
        <FormField label="Full name" error={errors.displayName} required>
          <Input autoComplete="off" {...form.register('displayName')} autoFocus />
        </FormField>
        <FormField label="Username" error={errors.username} helper="Used to sign in" required>
          <Input autoComplete="off" {...form.register('username')} />
        </FormField>
        <RoleFields
          role={role}
          roleField={form.register('role')}
          doctorField={form.register('doctorId')}
          doctors={unlinked}
          errors={errors}
        />
      </SimpleGrid>
      <SimpleGrid columns={{ base: 1, md: 2 }} gap="4">
        <FormField
          label="Initial password"
          error={errors.password}
          helper="At least 10 characters; give it to them in person"
          required
        >
          <Input type="password" autoComplete="new-password" {...form.register('password')} />
        </FormField>
        <FormField label="Password again" error={errors.confirmPassword} required>
          <Input type="password" autoComplete="new-password" {...form.register('confirmPassword')} />
        </FormField>
      </SimpleGrid>
    </FormDialog>
  );
}
