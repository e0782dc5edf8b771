import { Box, Button, Heading, HStack, Text } from '@chakra-ui/react';
import { useMemo, useState } from 'react';
import type { ResultOf } from '@shared/contract/index';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { type DataColumn, DataTable } from '@renderer/components/table/DataTable';
import { MODE_LABELS, money } from './bill-format';
import { RefundDialog } from './RefundDialog';

type Payment = ResultOf<'billing.get'>['payments'][number];

/** Payments and refunds (negative) of a bill, with their receipt numbers. */
export function PaymentsList({ view }: { view: ResultOf<'billing.get'> }) {
  const format = useClinicFormat();
  const [refunding, setRefunding] = useState(false);
  const { bill, payments } = view;
  const columns = useMemo(
    (): DataColumn<Payment>[] => [
      {
        id: 'when',
        header: 'When',
        sortBy: (p) => Date.parse(p.at),
        cellProps: { whiteSpace: 'nowrap' },
        cell: (p) => format.dateTime(p.at),
      },
      {
        id: 'mode',
        header: 'Mode',
        sortBy: (p) => MODE_LABELS[p.mode],
        cell: (p) => (
          <>
            {p.kind === 'refund' ? 'Refund · ' : ''}
            {MODE_LABELS[p.mode]}
            {p.reference && (
              <Text color="fg.muted" fontSize="xs">
                {p.reference}
              </Text>
            )}
            {p.reason && (
              <Text color="fg.muted" fontSize="xs">
                {p.reason}
              </Text>
            )}
          </>
        ),
      },
      {
        id: 'receipt',
        header: 'Receipt',
        sortBy: (p) => p.receiptNumber,
        cell: (p) => p.receiptNumber ?? '—',
      },
      {
        id: 'amount',
        header: 'Amount',
        align: 'end',
        sortBy: (p) => p.amount,
        cellProps: (p) => ({ color: p.amount < 0 ? 'fg.error' : undefined }),
        cell: (p) => money(p.amount, bill.currency),
      },
    ],
    [format, bill.currency],
  );
  return (
    <Box bg="bg.panel" borderWidth="1px" borderRadius="lg" p="4" as="section" aria-label="Payments">
      <HStack justify="space-between" mb="3">
        <Heading as="h2" size="md">
          Payments
        </Heading>
        {bill.paid > 0 && (
          <Button size="sm" variant="outline" colorPalette="red" onClick={() => setRefunding(true)}>
            Refund
          </Button>
        )}
      </HStack>
      {payments.length === 0 ? (
        <Text color="fg.muted">No payments yet.</Text>
      ) : (
        <DataTable
          label="Payments and refunds"
          bare
          rows={payments}
          columns={columns}
          rowKey={(p) => p.id}
          rowAttributes={() => ({ 'data-testid': 'payment-row' })}
        />
      )}
      <RefundDialog bill={bill} payments={payments} open={refunding} onClose={() => setRefunding(false)} />
    </Box>
  );
}
