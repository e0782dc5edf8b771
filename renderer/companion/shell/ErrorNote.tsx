import { Alert, Button } from '@chakra-ui/react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@renderer/companion/api/api-error';

/** A failure in words a patient can act on, with "Try again" where trying again can help. */
export function ErrorNote({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = !isApiError(error)
    ? t('errors.generic')
    : error.offline
      ? t('errors.unreachable')
      : error.code === 'RATE_LIMITED'
        ? t('errors.rateLimited', { seconds: error.body.retryAfterSeconds ?? 60 })
        : error.code === 'INTERNAL'
          ? t('errors.generic')
          : error.message;
  return (
    <Alert.Root status="error" role="alert">
      <Alert.Indicator />
      <Alert.Content>
        <Alert.Description>{message}</Alert.Description>
      </Alert.Content>
      {onRetry && (
        <Button size="sm" variant="outline" onClick={onRetry}>
          {t('actions.retry')}
        </Button>
      )}
    </Alert.Root>
  );
}
