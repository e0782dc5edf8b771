import { Button, Stack } from '@chakra-ui/react';
import type { ReactNode } from 'react';
import { DialogFrame } from '@renderer/components/DialogFrame';
import { ErrorMessage } from '@renderer/components/ErrorMessage';

/** Asks before a consequential action; shows the hub's refusal inside the dialog. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  danger,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <DialogFrame
      open={open}
      onClose={onClose}
      title={title}
      size="sm"
      alert
      footer={
        <>
          <Button variant="outline" onClick={onClose}>
            Cancel
          </Button>
          <Button colorPalette={danger ? 'red' : 'teal'} loading={busy ?? false} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <Stack gap="3">
        {children}
        <ErrorMessage error={error} action={`Not done: ${confirmLabel}`} />
      </Stack>
    </DialogFrame>
  );
}
