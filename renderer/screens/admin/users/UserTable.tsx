import { Badge, Button, HStack, Table, Text } from '@chakra-ui/react';
import type { User } from '@shared/domain/user.schema';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { useDoctors } from '@renderer/screens/shared/appointments/use-people';
import { ROLE_LABELS, ROLE_PALETTES } from './user-labels';
import { TablePanel } from '@renderer/components/TablePanel';

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
  return (
    <TablePanel label="Users">
      <Table.Root size="sm" interactive aria-label="Users">
        <Table.Header>
          <Table.Row bg="bg.muted">
            <Table.ColumnHeader>Name</Table.ColumnHeader>
            <Table.ColumnHeader>Username</Table.ColumnHeader>
            <Table.ColumnHeader>Role</Table.ColumnHeader>
            <Table.ColumnHeader>Status</Table.ColumnHeader>
            <Table.ColumnHeader>Last sign-in</Table.ColumnHeader>
            <Table.ColumnHeader textAlign="end">Actions</Table.ColumnHeader>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {users.map((u) => (
            <Table.Row key={u.id} data-testid="user-row" data-username={u.username}>
              <Table.Cell>
                <Text fontWeight="medium">{u.displayName}</Text>
                {u.doctorId && (
                  <Text color="fg.muted" fontSize="xs">
                    Doctor profile: {doctors.get(u.doctorId)?.fullName ?? '…'}
                  </Text>
                )}
              </Table.Cell>
              <Table.Cell>{u.username}</Table.Cell>
              <Table.Cell>
                <Badge colorPalette={ROLE_PALETTES[u.role]} variant="subtle">
                  {ROLE_LABELS[u.role]}
                </Badge>
              </Table.Cell>
              <Table.Cell>
                <Badge colorPalette={u.disabled ? 'red' : 'green'} variant="subtle">
                  {u.disabled ? 'Disabled' : 'Active'}
                </Badge>
              </Table.Cell>
              <Table.Cell whiteSpace="nowrap">
                {u.lastLoginAt ? format.dateTime(u.lastLoginAt) : <Text color="fg.muted">Never</Text>}
              </Table.Cell>
              <Table.Cell>
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
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table.Root>
    </TablePanel>
  );
}
