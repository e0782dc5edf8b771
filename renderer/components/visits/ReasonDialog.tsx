import { Text } from '@chakra-ui/react';
import { useEffect, useState } from 'react';
import { FormDialog } from '@renderer/components/FormDialog';
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
    <FormDialog
      open={open}
      title={title}
      submitLabel={confirmLabel}
      submitPalette={destructive ? 'red' : 'teal'}
      cancelLabel="Keep as is"
      busy={pending}
      refused={error}
      size="sm"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      onClose={onClose}
    >
      {description && <Text color="fg.muted">{description}</Text>}
      <ReasonField
        label={reasonLabel}
        required={reasonRequired}
        value={reason}
        onChange={setReason}
        problem={problem}
        rows={3}
      />
    </FormDialog>
  );
}
