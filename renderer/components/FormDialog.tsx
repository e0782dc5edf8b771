import { Button, Stack } from '@chakra-ui/react';
import type { FormEvent, ReactNode } from 'react';
import { DialogFrame } from '@renderer/components/DialogFrame';
import { ErrorMessage } from '@renderer/components/ErrorMessage';

/** A dialog holding one form: fields, the hub's refusal, Cancel and a submit button. */
export function FormDialog({
  open,
  title,
  formLabel = title,
  submitLabel,
  refusedTitle = `Not done: ${submitLabel}`,
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
  /** The refusal's title (default: "Not done: " and the submit label). */
  refusedTitle?: string;
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
    <DialogFrame
      open={open}
      onClose={onClose}
      title={title}
      size={size}
      form={{ onSubmit, noValidate: true, 'aria-label': formLabel }}
      footer={
        <>
          <Button variant="outline" onClick={onClose}>
            {cancelLabel}
          </Button>
          <Button type="submit" loading={busy} colorPalette={submitPalette}>
            {submitLabel}
          </Button>
        </>
      }
    >
      <Stack gap="4">
        <ErrorMessage error={refused} action={refusedTitle} />
        {children}
      </Stack>
    </DialogFrame>
  );
}
