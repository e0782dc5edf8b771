import { Box, Button, Heading, HStack, NativeSelect, Stack, Text } from '@chakra-ui/react';
import { useState } from 'react';
import type { Bill, Payment } from '@shared/domain/billing.schema';
import { useApiQuery } from '@renderer/api/hooks';
import { PdfDocument } from '@renderer/components/booking/PdfDocument';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { LoadingState } from '@renderer/components/StateViews';

/** The hub's bill/receipt PDF in a frame, with Print and Download (docs/product.md §9, §12). */
export function ReceiptView({ bill, payments }: { bill: Bill; payments: Payment[] }) {
  const [shown, setShown] = useState(false);
  const [paper, setPaper] = useState<'A5' | 'A4'>('A5');
  const pdf = useApiQuery('billing.receiptPdf', { billId: bill.id, paper }, { enabled: shown });
  const receipt = [...payments].reverse().find((p) => p.receiptNumber)?.receiptNumber ?? null;
  const title = `Receipt ${receipt ?? bill.number ?? ''}`.trim();

  return (
    <Box bg="bg.panel" borderWidth="1px" borderRadius="lg" p="4" as="section" aria-label="Receipt">
      <HStack justify="space-between" mb="3" wrap="wrap" gap="2">
        <Heading as="h2" size="md">
          {receipt ? 'Receipt' : 'Bill document'}
        </Heading>
        {receipt && (
          <Text fontFamily="mono" fontWeight="semibold" data-testid="receipt-number">
            {receipt}
          </Text>
        )}
      </HStack>
      {!shown ? (
        <Button variant="outline" onClick={() => setShown(true)}>
          {receipt ? 'Show receipt' : 'Show bill'}
        </Button>
      ) : (
        <Stack gap="3">
          <NativeSelect.Root size="sm" width="auto" alignSelf="flex-start">
            <NativeSelect.Field
              aria-label="Paper size"
              value={paper}
              onChange={(e) => setPaper(e.target.value === 'A4' ? 'A4' : 'A5')}
            >
              <option value="A5">A5</option>
              <option value="A4">A4</option>
            </NativeSelect.Field>
            <NativeSelect.Indicator />
          </NativeSelect.Root>
          {pdf.isLoading && <LoadingState label="Making the PDF…" />}
          <ErrorMessage error={pdf.error} />
          {pdf.data && (
            <PdfDocument
              base64={pdf.data.base64}
              fileName={pdf.data.fileName}
              title={title}
              height="28rem"
              testId="receipt-frame"
            />
          )}
        </Stack>
      )}
    </Box>
  );
}
