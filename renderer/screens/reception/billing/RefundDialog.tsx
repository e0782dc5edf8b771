import { Input, NativeSelect } from '@chakra-ui/react';
import { useEffect, useState } from 'react';
import type { Bill, Payment, PaymentMode } from '@shared/domain/billing.schema';
import { validatePayment } from '@shared/rules/money';
import { useApiMutation } from '@renderer/api/hooks';
import { FormDialog } from '@renderer/components/FormDialog';
import { FormField } from '@renderer/components/FormField';
import { toaster } from '@renderer/components/toaster';
import { ReasonField, reasonProblem } from '@renderer/components/visits/ReasonField';
import { MODE_LABELS, money, readAmount } from './bill-format';

/** A refund under the clinic's policy: an amount up to what was paid, a mode and a reason. */
export function RefundDialog({
  bill,
  payments,
  open,
  onClose,
}: {
  bill: Bill;
  payments: Payment[];
  open: boolean;
  onClose: () => void;
}) {
  const [amount, setAmount] = useState('');
  const [mode, setMode] = useState<PaymentMode>('cash');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<{ amount?: string; reason?: string }>({});
  const refund = useApiMutation('billing.refund', {
    onSuccess: () => {
      toaster.create({ type: 'success', title: 'Refund recorded' });
      onClose();
    },
  });
  useEffect(() => {
    if (!open) return;
    setAmount('');
    setMode('cash');
    setReason('');
    setProblems({});
    refund.reset();
  }, [open]);
  const submit = () => {
    const parsed = readAmount(amount, bill.currency);
    const next: typeof problems = {};
    if (!parsed.ok) next.amount = parsed.message;
    else {
      const refused = validatePayment(bill.total, payments, -parsed.minor, bill.currency);
      if (parsed.minor <= 0) next.amount = 'Enter an amount greater than zero';
      else if (refused) next.amount = refused;
    }
    const reasonError = reasonProblem(reason);
    if (reasonError) next.reason = reasonError;
    setProblems(next);
    if (next.amount || next.reason || !parsed.ok) return;
    refund.mutate({
      id: crypto.randomUUID(),
      billId: bill.id,
      amount: parsed.minor,
      mode,
      reason: reason.trim(),
    });
  };
  const err = (m?: string) => (m ? { type: 'client', message: m } : undefined);
  return (
    <FormDialog
      open={open}
      title={`Refund on bill ${bill.number ?? ''}`}
      formLabel="Refund"
      submitLabel="Refund"
      submitPalette="red"
      busy={refund.isPending}
      refused={refund.error}
      size="sm"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      onClose={onClose}
    >
      <FormField
        label="Refund amount (₹)"
        helper={`Paid so far ${money(bill.paid, bill.currency)}`}
        error={err(problems.amount)}
        required
      >
        <Input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
      </FormField>
      <FormField label="Refund by">
        <NativeSelect.Root>
          <NativeSelect.Field value={mode} onChange={(e) => setMode(e.target.value as PaymentMode)}>
            {(Object.keys(MODE_LABELS) as PaymentMode[]).map((m) => (
              <option key={m} value={m}>
                {MODE_LABELS[m]}
              </option>
            ))}
          </NativeSelect.Field>
          <NativeSelect.Indicator />
        </NativeSelect.Root>
      </FormField>
      <ReasonField label="Reason" value={reason} onChange={setReason} problem={problems.reason} />
    </FormDialog>
  );
}
