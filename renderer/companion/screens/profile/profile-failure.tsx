import { Alert } from '@chakra-ui/react';
import { useTranslation } from 'react-i18next';
import type { FormFailure } from '@renderer/companion/screens/auth/form-failure';
import { Notice } from '@renderer/companion/shell/Notice';

/** A failed save in words, with what to do (the profile's own texts). */
export function ProfileFailureNote({ failure }: { failure: FormFailure['note'] }) {
  const { t } = useTranslation('profile');
  if (!failure) return null;
  const message =
    failure.kind === 'offline'
      ? t('errors.offline')
      : failure.kind === 'rateLimited'
        ? t('errors.rateLimited', { count: failure.seconds ?? 60 })
        : failure.kind === 'checkFields'
          ? t('errors.checkFields')
          : t('errors.generic');
  return <Notice status="error" text={message} />;
}

/** A save that went through (announced politely). */
export function SavedNote({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <Alert.Root status="success" role="status">
      <Alert.Indicator />
      <Alert.Content>
        <Alert.Description>{text}</Alert.Description>
      </Alert.Content>
    </Alert.Root>
  );
}
