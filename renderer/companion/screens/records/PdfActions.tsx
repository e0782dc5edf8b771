import { Button, HStack, Stack, Text } from '@chakra-ui/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadPdf, openPdf } from './pdf-file';

/** "Open" and "Download" for one PDF; a failure says what to do. */
export function PdfActions({ path, fileName, name }: { path: string; fileName: string; name: string }) {
  const { t } = useTranslation('records');
  const [busy, setBusy] = useState<'open' | 'download' | null>(null);
  const [failed, setFailed] = useState(false);
  const run = (which: 'open' | 'download') => {
    setBusy(which);
    setFailed(false);
    const done = which === 'open' ? openPdf(path) : downloadPdf(path, fileName);
    done.catch(() => setFailed(true)).finally(() => setBusy(null));
  };
  return (
    <Stack gap="2">
      <HStack gap="2" wrap="wrap">
        <Button
          size="lg"
          variant="outline"
          aria-label={t('documents.openLabel', { name })}
          loading={busy === 'open'}
          onClick={() => run('open')}
        >
          {t('documents.open')}
        </Button>
        <Button
          size="lg"
          variant="outline"
          aria-label={t('documents.downloadLabel', { name })}
          loading={busy === 'download'}
          onClick={() => run('download')}
        >
          {t('documents.download')}
        </Button>
      </HStack>
      {failed && (
        <Text role="alert" color="red.700" fontSize="sm">
          {t('documents.failed')}
        </Text>
      )}
    </Stack>
  );
}
