import { Box, Button, Heading, HStack, Table, Text } from '@chakra-ui/react';
import { useState } from 'react';
import type { ResultOf } from '@shared/contract/index';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { MODE_LABELS, money } from './bill-format';
import { RefundDialog } from './RefundDialog';

/** Payments and refunds (negative) of a bill, with their receipt numbers. */
export function PaymentsList({ view }: { view: ResultOf<'billing.get'> }) {
  const format = useClinicFormat();
  const [refunding, setRefunding] = useState(false);
  const { bill, payments } = view;
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
        <Table.Root size="sm" aria-label="Payments and refunds">
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeader>When</Table.ColumnHeader>
              <Table.ColumnHeader>Mode</Table.ColumnHeader>
              <Table.ColumnHeader>Receipt</Table.ColumnHeader>
              <Table.ColumnHeader textAlign="end">Amount</Table.ColumnHeader>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {payments.map((p) => (
              <Table.Row key={p.id} data-testid="payment-row">
                <Table.Cell whiteSpace="nowrap">{format.dateTime(p.at)}</Table.Cell>
                <Table.Cell>
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
                </Table.Cell>
                <Table.Cell>{p.receiptNumber ?? '—'}</Table.Cell>
                <Table.Cell textAlign="end" color={p.amount < 0 ? 'fg.error' : undefined}>
                  {money(p.amount, bill.currency)}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table.Root>
      )}
      <RefundDialog bill={bill} payments={payments} open={refunding} onClose={() => setRefunding(false)} />
    </Box>
  );
}
