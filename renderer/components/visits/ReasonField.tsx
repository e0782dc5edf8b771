import { Textarea } from '@chakra-ui/react';
import { FormField } from '@renderer/components/FormField';

/**
 * The hub's rule for a reason (`reasonSchema` in shared/contract/common.ts): at least 3 characters
 * once trimmed, at most 500. Returns what to tell the user, or undefined when the reason will do.
 */
export function reasonProblem(reason: string): string | undefined {
  return reason.trim().length >= 3 ? undefined : 'Give a reason (at least 3 characters)';
}

/** A labelled text box for the reason of an action (cancel, reschedule, refund…) and its problem. */
export function ReasonField({
  label,
  value,
  onChange,
  problem,
  required = true,
  rows = 2,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  problem?: string | undefined;
  required?: boolean;
  rows?: number;
}) {
  return (
    <FormField
      label={label}
      required={required}
      error={problem ? { type: 'min', message: problem } : undefined}
    >
      <Textarea value={value} onChange={(e) => onChange(e.target.value)} rows={rows} maxLength={500} />
    </FormField>
  );
}
