import { Button, Field, HStack, Input, NativeSelect, Text } from '@chakra-ui/react';
import { useMemo, useState } from 'react';
import type { User } from '@shared/domain/user.schema';
import { useApiQuery } from '@renderer/api/hooks';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { PlusIcon } from '@renderer/components/icons';
import { ScreenHeader } from '@renderer/components/ScreenHeader';
import { EmptyState, LoadingState } from '@renderer/components/StateViews';
import { useShortcut } from '@renderer/app/shortcuts/ShortcutProvider';
import { CreateUserDialog } from './CreateUserDialog';
import { DisableUserDialog } from './DisableUserDialog';
import { EditUserDialog } from './EditUserDialog';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { ROLE_LABELS } from './user-labels';
import { UserTable } from './UserTable';

type Dialog = { kind: 'create' } | { kind: 'edit' | 'password' | 'disable'; user: User } | null;

/** Staff accounts: create, change name or role, reset a password, disable or enable (docs/product.md §1, §15). */
export function UsersScreen() {
  const users = useApiQuery('users.list', {});
  const [dialog, setDialog] = useState<Dialog>(null);
  const [role, setRole] = useState<string>('staff');
  const [text, setText] = useState('');
  useShortcut(['alt+u'], () => setDialog({ kind: 'create' }), { description: 'New user' });

  const rows = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return (users.data ?? [])
      .filter((u) => (role === 'staff' ? u.role !== 'patient' : role === 'all' || u.role === role))
      .filter((u) => !needle || u.username.includes(needle) || u.displayName.toLowerCase().includes(needle))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  }, [users.data, role, text]);

  return (
    <>
      <ScreenHeader
        title="Users"
        description="Every person signs in with their own account."
        actions={
          <Button size="sm" onClick={() => setDialog({ kind: 'create' })}>
            <PlusIcon /> New user
          </Button>
        }
      />
      <HStack gap="3" mb="4" align="end" wrap="wrap">
        <Field.Root maxW="20rem">
          <Field.Label>Find</Field.Label>
          <Input
            size="sm"
            type="search"
            data-shortcut="search"
            placeholder="Name or username  ( / )"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </Field.Root>
        <Field.Root maxW="14rem">
          <Field.Label>Role</Field.Label>
          <NativeSelect.Root size="sm">
            <NativeSelect.Field value={role} onChange={(e) => setRole(e.target.value)}>
              <option value="staff">All staff</option>
              {(['admin', 'receptionist', 'doctor', 'nurse', 'patient'] as const).map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
              <option value="all">Everyone</option>
            </NativeSelect.Field>
            <NativeSelect.Indicator />
          </NativeSelect.Root>
        </Field.Root>
        <Text color="fg.muted" fontSize="sm" pb="2" aria-live="polite">
          {users.data ? `${rows.length} shown` : ''}
        </Text>
      </HStack>
      <ErrorMessage error={users.error} />
      {users.isLoading ? (
        <LoadingState label="Loading users…" />
      ) : rows.length === 0 && !users.error ? (
        <EmptyState title="No users found" description="Try another role or clear the search." />
      ) : (
        <UserTable
          users={rows}
          onEdit={(user) => setDialog({ kind: 'edit', user })}
          onResetPassword={(user) => setDialog({ kind: 'password', user })}
          onToggleDisabled={(user) => setDialog({ kind: 'disable', user })}
        />
      )}
      <CreateUserDialog open={dialog?.kind === 'create'} onClose={() => setDialog(null)} />
      {dialog?.kind === 'edit' && <EditUserDialog user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'password' && (
        <ResetPasswordDialog user={dialog.user} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'disable' && <DisableUserDialog user={dialog.user} onClose={() => setDialog(null)} />}
    </>
  );
}
