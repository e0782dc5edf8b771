import { Box, Button, chakra, Heading, HStack, NativeSelect, Stack, Text } from '@chakra-ui/react';
import { useEffect, useRef, useState } from 'react';
import type { Bill, Payment } from '@shared/domain/billing.schema';
import { useApiQuery } from '@renderer/api/hooks';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { LoadingState } from '@renderer/components/StateViews';
import { notifyError } from '@renderer/components/toaster';

function pdfBlob(base64: string): Blob {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: 'application/pdf' });
}

/** The hub's bill/receipt PDF in a frame, with Print and Download (SPEC §9, §12). */
export function ReceiptView({ bill, payments }: { bill: Bill; payments: Payment[] }) {
  const [shown, setShown] = useState(false);
  const [paper, setPaper] = useState<'A5' | 'A4'>('A5');
  const pdf = useApiQuery('billing.receiptPdf', { billId: bill.id, paper }, { enabled: shown });
  const [url, setUrl] = useState<string | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  useEffect(() => {
    if (!pdf.data) return;
    const next = URL.createObjectURL(pdfBlob(pdf.data.base64));
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [pdf.data]);
  const receipt = [...payments].reverse().find((p) => p.receiptNumber)?.receiptNumber ?? null;
  const title = `Receipt ${receipt ?? bill.number ?? ''}`.trim();

  const print = async () => {
    if (!pdf.data) return;
    try {
      if (window.clinic?.printPdf) await window.clinic.printPdf(pdf.data.base64, title);
      else frame.current?.contentWindow?.print();
    } catch (error) {
      notifyError(error, 'Could not print');
    }
  };

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
          <HStack gap="2" wrap="wrap">
            <NativeSelect.Root size="sm" width="auto">
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
            <Button size="sm" onClick={() => void print()} disabled={!url}>
              Print
            </Button>
            {url && pdf.data ? (
              <Button asChild size="sm" variant="outline">
                <a href={url} download={pdf.data.fileName}>
                  Download
                </a>
              </Button>
            ) : (
              <Button size="sm" variant="outline" disabled>
                Download
              </Button>
            )}
          </HStack>
          {pdf.isLoading && <LoadingState label="Making the PDF…" />}
          <ErrorMessage error={pdf.error} />
          {url && (
            <chakra.iframe
              ref={frame}
              src={url}
              title={title}
              width="100%"
              height="28rem"
              borderWidth="1px"
              borderRadius="md"
              data-testid="receipt-frame"
            />
          )}
        </Stack>
      )}
    </Box>
  );
}
