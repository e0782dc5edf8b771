import { Box, Heading, HStack, NativeSelect, Text } from '@chakra-ui/react';
import { useState } from 'react';
import { useApiQuery } from '@renderer/api/hooks';
import { PdfDocument } from '@renderer/components/booking/PdfDocument';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { LoadingState } from '@renderer/components/StateViews';

/** The signed prescription as the hub renders it (docs/product.md §12), to print or download. */
export function PrescriptionPdf({ consultationId }: { consultationId: string }) {
  const [paper, setPaper] = useState<'A4' | 'A5'>('A4');
  const pdf = useApiQuery(
    'consultations.prescriptionPdf',
    { id: consultationId, paper },
    { staleTime: Infinity },
  );

  return (
    <Box as="section" aria-labelledby="pdf-heading" bg="bg.panel" borderWidth="1px" borderRadius="lg" p="4">
      <HStack justify="space-between" mb="3" wrap="wrap" gap="2">
        <Heading as="h2" size="md" id="pdf-heading">
          Prescription PDF
        </Heading>
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
      </HStack>
      {pdf.isLoading && <LoadingState label="Preparing the prescription…" />}
      <ErrorMessage error={pdf.error} />
      {pdf.data && (
        <>
          <PdfDocument
            base64={pdf.data.base64}
            fileName={pdf.data.fileName}
            title={`Prescription PDF (${pdf.data.fileName})`}
            printTitle={pdf.data.fileName}
            testId="prescription-pdf"
          />
          <Text color="fg.muted" fontSize="xs" mt="1">
            {pdf.data.fileName}
          </Text>
        </>
      )}
    </Box>
  );
}
