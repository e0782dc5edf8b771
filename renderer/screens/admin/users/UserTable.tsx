import { Badge, Button, HStack, Text } from '@chakra-ui/react';
import { useMemo } from 'react';
import type { User } from '@shared/domain/user.schema';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { useDoctors } from '@renderer/screens/shared/appointments/use-people';
import { ROLE_LABELS, ROLE_PALETTES } from './user-labels';
import { type DataColumn, DataTable } from '@renderer/components/table/DataTable';

export function UserTable({
  users,
  onEdit,
  onResetPassword,
  onToggleDisabled,
}: {
  users: User[];
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
  onToggleDisabled: (user: User) => void;
}) {
  const format = useClinicFormat();
  const { byId: doctors } = useDoctors();
  const columns = useMemo(
    (): DataColumn<User>[] => [
      {
        id: 'name',
        header: 'Name',
        sortBy: (u) => u.displayName,
        cell: (u) => (
          <>
            <Text fontWeight="medium">{u.displayName}</Text>
            {u.doctorId && (
              <Text color="fg.muted" fontSize="xs">
                Doctor profile: {doctors.get(u.doctorId)?.fullName ?? '…'}
              </Text>
            )}
          </>
        ),
      },
      { id: 'username', header: 'Username', sortBy: (u) => u.username, cell: (u) => u.username },
      {
        id: 'role',
        header: 'Role',
        sortBy: (u) => ROLE_LABELS[u.role],
        cell: (u) => (
          <Badge colorPalette={ROLE_PALETTES[u.role]} variant="subtle">
            {ROLE_LABELS[u.role]}
          </Badge>
        ),
      },
      {
        id: 'status',
        header: 'Status',
        sortBy: (u) => (u.disabled ? 'Disabled' : 'Active'),
        cell: (u) => (
          <Badge colorPalette={u.disabled ? 'red' : 'green'} variant="subtle">
            {u.disabled ? 'Disabled' : 'Active'}
          </Badge>
        ),
      },
      {
        id: 'lastLogin',
        header: 'Last sign-in',
        sortBy: (u) => (u.lastLoginAt ? Date.parse(u.lastLoginAt) : undefined),
        cellProps: { whiteSpace: 'nowrap' },
        cell: (u) => (u.lastLoginAt ? format.dateTime(u.lastLoginAt) : <Text color="fg.muted">Never</Text>),
      },
      {
        id: 'actions',
        header: 'Actions',
        align: 'end',
        cell: (u) => (
          <HStack gap="1" justify="flex-end">
            {u.role !== 'patient' && (
              <Button
                size="xs"
                variant="ghost"
                onClick={() => onEdit(u)}
                aria-label={`Edit ${u.displayName}`}
              >
                Edit
              </Button>
            )}
            <Button
              size="xs"
              variant="ghost"
              onClick={() => onResetPassword(u)}
              aria-label={`Reset password for ${u.displayName}`}
            >
              Reset password
            </Button>
            <Button
              size="xs"
              variant="ghost"
              colorPalette={u.disabled ? 'green' : 'red'}
              onClick={() => onToggleDisabled(u)}
              aria-label={`${u.disabled ? 'Enable' : 'Disable'} ${u.displayName}`}
            >
              {u.disabled ? 'Enable' : 'Disable'}
            </Button>
          </HStack>
        ),
      },
    ],
    [doctors, format, onEdit, onResetPassword, onToggleDisabled],
  );
  return (
    <DataTable
      label="Users"
      rows={users}
      columns={columns}
      rowKey={(u) => u.id}
      rowAttributes={(u) => ({ 'data-testid': 'user-row', 'data-username': u.username })}
      interactive
    />
  );
}
