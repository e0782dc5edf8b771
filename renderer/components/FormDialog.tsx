import { Button, CloseButton, Dialog, Portal, Stack } from '@chakra-ui/react';
import type { FormEvent, ReactNode } from 'react';
import { ErrorMessage } from '@renderer/components/ErrorMessage';

/** A dialog holding one form: fields, the hub's refusal, Cancel and a submit button. */
export function FormDialog({
  open,
  title,
  formLabel = title,
  submitLabel,
  submitPalette,
  cancelLabel = 'Cancel',
  busy,
  refused,
  onSubmit,
  onClose,
  size = 'md',
  children,
}: {
  open: boolean;
  title: string;
  /** The form's accessible name (default: the title). */
  formLabel?: string;
  submitLabel: string;
  /** e.g. 'red' for an action that cannot be taken back. */
  submitPalette?: 'red' | 'teal';
  cancelLabel?: string;
  busy: boolean;
  refused: unknown;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onClose: () => void;
  size?: 'sm' | 'md' | 'lg';
  children: ReactNode;
}) {
  return (
    <Dialog.Root open={open} onOpenChange={(e) => !e.open && onClose()} size={size}>
      <Portal>
        <Dialog.Backdrop />
        <Dialog.Positioner>
          <Dialog.Content>
            <form onSubmit={onSubmit} noValidate aria-label={formLabel}>
              <Dialog.Header>
                <Dialog.Title>{title}</Dialog.Title>
              </Dialog.Header>
              <Dialog.Body>
                <Stack gap="4">
                  <ErrorMessage error={refused} />
                  {children}
                </Stack>
              </Dialog.Body>
              <Dialog.Footer>
                <Button variant="outline" onClick={onClose}>
                  {cancelLabel}
                </Button>
                <Button type="submit" loading={busy} colorPalette={submitPalette}>
                  {submitLabel}
                </Button>
              </Dialog.Footer>
            </form>
            <Dialog.CloseTrigger asChild>
              <CloseButton size="sm" aria-label="Close" />
            </Dialog.CloseTrigger>
          </Dialog.Content>
        </Dialog.Positioner>
      </Portal>
    </Dialog.Root>
  );
}
