import { Box, Button, Heading, HStack, NativeSelect, Text } from '@chakra-ui/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useApiClient } from '@renderer/api/ApiProvider';
import { useApiQuery } from '@renderer/api/hooks';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { LoadingState } from '@renderer/components/StateViews';
import { notifyError } from '@renderer/components/toaster';

function pdfBlob(base64: string): Blob {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: 'application/pdf' });
}

/** The signed prescription as the hub renders it (SPEC §12), to print or download. */
export function PrescriptionPdf({ consultationId }: { consultationId: string }) {
  const { bridge } = useApiClient();
  const [paper, setPaper] = useState<'A4' | 'A5'>('A4');
  const pdf = useApiQuery(
    'consultations.prescriptionPdf',
    { id: consultationId, paper },
    { staleTime: Infinity },
  );
  const frame = useRef<HTMLIFrameElement>(null);
  const url = useMemo(() => (pdf.data ? URL.createObjectURL(pdfBlob(pdf.data.base64)) : null), [pdf.data]);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);

  const print = async () => {
    if (!pdf.data) return;
    try {
      if (bridge.printPdf) await bridge.printPdf(pdf.data.base64, pdf.data.fileName);
      else frame.current?.contentWindow?.print();
    } catch (error) {
      notifyError(error, 'Could not print');
    }
  };

  return (
    <Box as="section" aria-labelledby="pdf-heading" bg="bg.panel" borderWidth="1px" borderRadius="lg" p="4">
      <HStack justify="space-between" mb="3" wrap="wrap" gap="2">
        <Heading as="h2" size="md" id="pdf-heading">
          Prescription PDF
        </Heading>
        <HStack gap="2">
          <NativeSelect.Root size="sm" width="7rem">
            <NativeSelect.Field
              aria-label="Paper size"
              value={paper}
              onChange={(e) => setPaper(e.target.value as 'A4' | 'A5')}
            >
              <option value="A4">A4</option>
              <option value="A5">A5</option>
            </NativeSelect.Field>
            <NativeSelect.Indicator />
          </NativeSelect.Root>
          <Button size="sm" colorPalette="teal" disabled={!pdf.data} onClick={() => void print()}>
            Print
          </Button>
          <Button size="sm" variant="outline" disabled={!url} asChild={!!url}>
            {url && pdf.data ? (
              <a href={url} download={pdf.data.fileName}>
                Download
              </a>
            ) : (
              'Download'
            )}
          </Button>
        </HStack>
      </HStack>
      {pdf.isLoading && <LoadingState label="Preparing the prescription…" />}
      <ErrorMessage error={pdf.error} />
      {url && pdf.data && (
        <>
          <Box asChild width="100%" height="32rem" borderWidth="1px" borderRadius="md">
            <iframe
              ref={frame}
              src={url}
              title={`Prescription PDF (${pdf.data.fileName})`}
              data-testid="prescription-pdf"
            />
          </Box>
          <Text color="fg.muted" fontSize="xs" mt="1">
            {pdf.data.fileName}
          </Text>
        </>
      )}
    </Box>
  );
}
