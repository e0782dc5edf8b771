import { Alert, Button, Stack } from '@chakra-ui/react';
import { useApiQuery } from '@renderer/api/hooks';
import { ErrorMessage } from '@renderer/components/ErrorMessage';

/** Re-walks the hash chain on demand (`audit.verify`) and says whether it is intact. */
export function VerifyChain() {
  const verify = useApiQuery('audit.verify', {}, { enabled: false, staleTime: Infinity });
  const r = verify.data;
  return (
    <Stack gap="2" align="flex-end">
      <Button size="sm" variant="outline" loading={verify.isFetching} onClick={() => void verify.refetch()}>
        Verify chain
      </Button>
      <ErrorMessage error={verify.error} />
      {r && !verify.isFetching && (
        <Alert.Root status={r.ok ? 'success' : 'error'} role="status" size="sm" maxW="28rem">
          <Alert.Indicator />
          <Alert.Title>
            {r.ok
              ? `Chain intact: ${r.checked} entries checked.`
              : `Broken at entry #${r.firstBadSeq ?? '?'}: ${r.problem ?? 'the chain does not match'}`}
          </Alert.Title>
        </Alert.Root>
      )}
    </Stack>
  );
}
