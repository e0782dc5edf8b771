import { Box, Button, Heading, HStack, Input, NativeSelect, SimpleGrid, Text } from '@chakra-ui/react';
import { useState } from 'react';
import type { Bill } from '@shared/domain/billing.schema';
import { useApiMutation } from '@renderer/api/hooks';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { FormField } from '@renderer/components/FormField';
import { money, readAmount } from './bill-format';

/** "12.5" → 1250 basis points; null when not a percentage with at most two decimals in 0..100. */
export function percentToBasisPoints(text: string): number | null {
  const match = /^\s*(\d{1,3})(?:\.(\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!match) return null;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bp <= 10_000 ? bp : null;
}

/** Set or clear the bill's discount: an amount in ₹ or a percentage. */
export function DiscountForm({ bill }: { bill: Bill }) {
  const [kind, setKind] = useState<'amount' | 'percent'>('amount');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const set = useApiMutation('billing.setDiscount', { onSuccess: () => setValue('') });
  const current = bill.discount;
  const submit = () => {
    setProblem(null);
    if (kind === 'percent') {
      const basisPoints = percentToBasisPoints(value);
      if (basisPoints === null) return setProblem('Enter a percentage from 0 to 100, e.g. 10 or 12.5');
      return set.mutate({ billId: bill.id, discount: { kind, basisPoints, reason: reason.trim() } });
    }
    const amount = readAmount(value, bill.currency);
    if (!amount.ok) return setProblem(amount.message);
    if (amount.minor < 0) return setProblem('The discount cannot be negative');
    set.mutate({ billId: bill.id, discount: { kind, amount: amount.minor, reason: reason.trim() } });
  };
  return (
    <Box bg="bg.panel" borderWidth="1px" borderRadius="lg" p="4" as="section" aria-label="Discount">
      <HStack justify="space-between" mb="3">
        <Heading as="h2" size="md">
          Discount
        </Heading>
        {current && (
          <HStack>
            <Text color="fg.muted" fontSize="sm">
              {current.kind === 'amount'
                ? money(current.amount, bill.currency)
                : `${current.basisPoints / 100}%`}
              {current.reason ? ` — ${current.reason}` : ''}
            </Text>
            <Button
              size="xs"
              variant="ghost"
              loading={set.isPending}
              onClick={() => set.mutate({ billId: bill.id, discount: null })}
            >
              Remove discount
            </Button>
          </HStack>
        )}
      </HStack>
      <form
        aria-label="Set the discount"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <SimpleGrid columns={{ base: 2, md: 4 }} gap="2" alignItems="end">
          <FormField label="Discount as">
            <NativeSelect.Root size="sm">
              <NativeSelect.Field
                value={kind}
                onChange={(e) => setKind(e.target.value === 'percent' ? 'percent' : 'amount')}
              >
                <option value="amount">Amount (₹)</option>
                <option value="percent">Percent (%)</option>
              </NativeSelect.Field>
              <NativeSelect.Indicator />
            </NativeSelect.Root>
          </FormField>
          <FormField
            label={kind === 'amount' ? 'Discount amount' : 'Discount percent'}
            error={problem ? { type: 'client', message: problem } : undefined}
          >
            <Input size="sm" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />
          </FormField>
          <FormField label="Discount reason">
            <Input size="sm" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} />
          </FormField>
          <Button size="sm" type="submit" variant="outline" loading={set.isPending}>
            Set discount
          </Button>
        </SimpleGrid>
      </form>
      <Box mt="2">
        <ErrorMessage error={set.error} />
      </Box>
    </Box>
  );
}
