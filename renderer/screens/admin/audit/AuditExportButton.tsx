import { Button } from '@chakra-ui/react';
import { useState } from 'react';
import type { InputOf } from '@shared/contract/index';
import { useApiClient } from '@renderer/api/ApiProvider';
import { downloadFile } from '@renderer/components/admin/download';
import { notifyError, toaster } from '@renderer/components/toaster';

/** Downloads the entries of the filters on screen as CSV (`audit.export`). */
export function AuditExportButton({ query }: { query: InputOf<'audit.export'> }) {
  const client = useApiClient();
  const [busy, setBusy] = useState(false);
  const exportCsv = async () => {
    setBusy(true);
    try {
      const file = await client.call('audit.export', query);
      downloadFile(file);
      toaster.create({ type: 'success', title: `Saved ${file.fileName}` });
    } catch (error) {
      notifyError(error, 'The export failed');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="sm" variant="outline" loading={busy} onClick={() => void exportCsv()}>
      Export CSV
    </Button>
  );
}
