import { Box, Button, HStack } from '@chakra-ui/react';
import { useEffect, useMemo, useRef } from 'react';
import { useApiClient } from '@renderer/api/ApiProvider';
import type { PrintOutcome } from '@renderer/api/bridge';
import { notifyError, toaster } from '@renderer/components/toaster';

/** base64 → a blob: URL of a PDF (revoked when the document changes or leaves the screen). */
function usePdfUrl(base64: string): string {
  const url = useMemo(() => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  }, [base64]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return url;
}

/** A print that did not happen says so (closing the dialog is not a failure). */
function reportPrint(outcome: PrintOutcome): void {
  if (outcome.printed || outcome.reason === 'cancelled') return;
  toaster.create({
    type: 'error',
    title: 'Could not print',
    description:
      outcome.reason === 'failed' || !outcome.reason
        ? 'The printer reported a problem. Check that it is on and has paper, then print again.'
        : outcome.reason,
    duration: 10_000,
  });
}

/**
 * A PDF the hub made (slip, receipt, prescription), shown in a frame with Print and Download.
 * Print goes through the desktop's system dialog when the app runs in Electron
 * (`printPdf` of the bridge), otherwise through the browser's print of the frame.
 */
export function PdfDocument({
  base64,
  fileName,
  title,
  printTitle = fileName.replace(/\.pdf$/i, ''),
  height = '32rem',
  testId = 'pdf-frame',
}: {
  base64: string;
  fileName: string;
  /** The frame's accessible title. */
  title: string;
  /** The print job's name in the printer queue (defaults to the file name, which has the number). */
  printTitle?: string;
  height?: string;
  testId?: string;
}) {
  const { bridge } = useApiClient();
  const url = usePdfUrl(base64);
  const frame = useRef<HTMLIFrameElement>(null);

  const print = async () => {
    try {
      if (bridge.printPdf) reportPrint(await bridge.printPdf(base64, printTitle));
      else frame.current?.contentWindow?.print();
    } catch (error) {
      notifyError(error, 'Could not print');
    }
  };

  return (
    <Box>
      <HStack gap="2" mb="2">
        <Button size="sm" onClick={() => void print()}>
          Print
        </Button>
        <Button size="sm" variant="outline" asChild>
          <a href={url} download={fileName}>
            Download
          </a>
        </Button>
      </HStack>
      <Box borderWidth="1px" borderRadius="md" overflow="hidden" bg="bg.muted">
        <iframe
          ref={frame}
          src={url}
          title={title}
          data-testid={testId}
          style={{ width: '100%', height, border: 0, display: 'block' }}
        />
      </Box>
    </Box>
  );
}
