import { Button, Dialog, Portal, Stack, Text } from '@chakra-ui/react';
import { useEffect, useState } from 'react';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { ReasonField, reasonProblem } from './ReasonField';

/**
 * Asks for a reason before an action (cancel, no-show, undo, refund…) and runs it. The hub's
 * refusal is shown inside the dialog, in its own words; the dialog closes on success.
 */
export function ReasonDialog({
  open,
  title,
  description,
  confirmLabel,
  reasonLabel = 'Reason',
  reasonRequired = true,
  pending,
  error,
  destructive,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  description?: string;
  confirmLabel: string;
  reasonLabel?: string;
  reasonRequired?: boolean;
  pending: boolean;
  error: unknown;
  destructive?: boolean;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (open) {
      setReason('');
      setProblem(undefined);
    }
  }, [open]);
  const submit = () => {
    const next = reasonRequired ? reasonProblem(reason) : undefined;
    setProblem(next);
    if (next) return;
    onConfirm(reason.trim());
  };
  return (
    <Dialog.Root open={open} onOpenChange={(e) => !e.open && onClose()} size="sm">
      <Portal>
        <Dialog.Backdrop />
        <Dialog.Positioner>
          <Dialog.Content
            as="form"
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            <Dialog.Header>
              <Dialog.Title>{title}</Dialog.Title>
            </Dialog.Header>
            <Dialog.Body>
              <Stack gap="4">
                {description && <Text color="fg.muted">{description}</Text>}
                <ReasonField
                  label={reasonLabel}
                  required={reasonRequired}
                  value={reason}
                  onChange={setReason}
                  problem={problem}
                  rows={3}
                />
                <ErrorMessage error={error} />
              </Stack>
            </Dialog.Body>
            <Dialog.Footer>
              <Dialog.ActionTrigger asChild>
                <Button variant="outline" type="button">
                  Keep as is
                </Button>
              </Dialog.ActionTrigger>
              <Button type="submit" loading={pending} colorPalette={destructive ? 'red' : 'teal'}>
                {confirmLabel}
              </Button>
            </Dialog.Footer>
          </Dialog.Content>
        </Dialog.Positioner>
      </Portal>
    </Dialog.Root>
  );
}
