import { Button } from '@chakra-ui/react';
import { useState } from 'react';
import { useApiClient } from '@renderer/api/ApiProvider';
import { downloadFile } from '@renderer/components/admin/download';
import { notifyError, toaster } from '@renderer/components/toaster';

/** Downloads the summary of a range as CSV or PDF (`analytics.export`). */
export function ExportButtons({ range }: { range: { fromDate: string; toDate: string } }) {
  const client = useApiClient();
  const [busy, setBusy] = useState<'csv' | 'pdf' | null>(null);
  const exportAs = async (format: 'csv' | 'pdf') => {
    setBusy(format);
    try {
      const file = await client.call('analytics.export', { format, ...range });
      downloadFile(file);
      toaster.create({ type: 'success', title: `Saved ${file.fileName}` });
    } catch (error) {
      notifyError(error, 'The export failed');
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <Button size="sm" variant="outline" loading={busy === 'csv'} onClick={() => void exportAs('csv')}>
        Export CSV
      </Button>
      <Button size="sm" variant="outline" loading={busy === 'pdf'} onClick={() => void exportAs('pdf')}>
        Export PDF
      </Button>
    </>
  );
}
