import { Box, Button, Heading, HStack, Input, SegmentGroup, Stack, Text } from '@chakra-ui/react';
import { useEffect, useState } from 'react';
import type { Bill, Payment, PaymentMode } from '@shared/domain/billing.schema';
import { currencyExponent, toDecimalString, validatePayment } from '@shared/rules/money';
import { useApiMutation } from '@renderer/api/hooks';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { FormField } from '@renderer/components/FormField';
import { toaster } from '@renderer/components/toaster';
import { MODE_LABELS, money, readAmount } from './bill-format';

/** Record a cash, card or UPI payment; partial payments allowed, never more than outstanding. */
export function PaymentForm({ bill, payments }: { bill: Bill; payments: Payment[] }) {
  // Pre-filled with what is due (most payments settle the bill); typed over for a part payment.
  const due = toDecimalString(Math.max(0, bill.outstanding), currencyExponent(bill.currency));
  const [amount, setAmount] = useState<string>(due);
  useEffect(() => setAmount(due), [due]);
  const [mode, setMode] = useState<PaymentMode>('cash');
  const [reference, setReference] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const pay = useApiMutation('billing.recordPayment', {
    onSuccess: (view) => {
      setAmount(toDecimalString(view.bill.outstanding, currencyExponent(view.bill.currency)));
      setReference('');
      toaster.create({
        type: 'success',
        title: `Payment recorded — ${view.bill.outstanding > 0 ? `${money(view.bill.outstanding, view.bill.currency)} still due` : 'bill paid in full'}`,
      });
    },
  });
  if (bill.outstanding <= 0) {
    return (
      <Box bg="bg.panel" borderWidth="1px" borderRadius="lg" p="4" as="section" aria-label="Take a payment">
        <Text color="fg.muted">Nothing is outstanding on this bill.</Text>
      </Box>
    );
  }
  const submit = () => {
    const parsed = readAmount(amount, bill.currency);
    if (!parsed.ok) return setProblem(parsed.message);
    const refused = validatePayment(bill.total, payments, parsed.minor, bill.currency);
    if (refused) return setProblem(refused);
    setProblem(null);
    pay.mutate({
      id: crypto.randomUUID(),
      billId: bill.id,
      amount: parsed.minor,
      mode,
      reference: reference.trim(),
    });
  };
  return (
    <Box bg="bg.panel" borderWidth="1px" borderRadius="lg" p="4" as="section" aria-label="Take a payment">
      <Heading as="h2" size="md" mb="3">
        Take a payment
      </Heading>
      <form
        aria-label="Record a payment"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="3">
          <SegmentGroup.Root
            value={mode}
            onValueChange={(e) => setMode((e.value as PaymentMode | null) ?? 'cash')}
            aria-label="Payment mode"
            size="sm"
          >
            <SegmentGroup.Indicator />
            <SegmentGroup.Items
              items={(Object.keys(MODE_LABELS) as PaymentMode[]).map((m) => ({
                value: m,
                label: MODE_LABELS[m],
              }))}
            />
          </SegmentGroup.Root>
          <HStack align="end" gap="2">
            <FormField
              label="Amount (₹)"
              helper={`Outstanding ${money(bill.outstanding, bill.currency)}`}
              error={problem ? { type: 'client', message: problem } : undefined}
            >
              <Input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
            </FormField>
            <Button
              variant="outline"
              type="button"
              mb={problem ? '6' : '6'}
              onClick={() => setAmount(money(bill.outstanding, bill.currency))}
            >
              Full amount
            </Button>
          </HStack>
          {mode !== 'cash' && (
            <FormField label="Reference (card slip / UPI id)">
              <Input value={reference} onChange={(e) => setReference(e.target.value)} maxLength={100} />
            </FormField>
          )}
          <ErrorMessage error={pay.error} />
          <Button type="submit" loading={pay.isPending}>
            Record payment
          </Button>
        </Stack>
      </form>
    </Box>
  );
}
