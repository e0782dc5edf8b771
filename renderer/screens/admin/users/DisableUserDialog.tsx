import { Text } from '@chakra-ui/react';
import type { User } from '@shared/domain/user.schema';
import { useApiMutation } from '@renderer/api/hooks';
import { ConfirmDialog } from '@renderer/components/admin/ConfirmDialog';
import { toaster } from '@renderer/components/toaster';

/** Disabling ends every session of the account at once (`users.setDisabled`); enabling lets it sign in again. */
export function DisableUserDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const disabling = !user.disabled;
  const mutation = useApiMutation('users.setDisabled', {
    onSuccess: () => {
      toaster.create({
        type: 'success',
        title: disabling
          ? `${user.displayName} is disabled and signed out`
          : `${user.displayName} can sign in again`,
      });
      onClose();
    },
  });
  return (
    <ConfirmDialog
      open
      title={disabling ? `Disable ${user.displayName}?` : `Enable ${user.displayName}?`}
      confirmLabel={disabling ? 'Disable and sign out' : 'Enable'}
      danger={disabling}
      busy={mutation.isPending}
      error={mutation.error}
      onClose={onClose}
      onConfirm={() => mutation.mutate({ id: user.id, disabled: disabling })}
    >
      {disabling ? (
        <>
          <Text>
            {user.displayName} ({user.username}) is signed out everywhere at once: every desktop and browser
            session ends and open screens return to sign-in.
          </Text>
          <Text>They cannot sign in until you enable the account again. Their records stay as they are.</Text>
        </>
      ) : (
        <Text>
          {user.displayName} ({user.username}) will be able to sign in again with their current password.
        </Text>
      )}
    </ConfirmDialog>
  );
}
