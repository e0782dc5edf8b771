import { Text } from '@chakra-ui/react';
import { useTranslation } from 'react-i18next';
import { AuthFrame } from './AuthFrame';
import { CodeAndPasswordForm } from './CodeAndPasswordForm';

/** Activation: after sign-up, or for a patient reception registered ("send me a code" first). */
export function ActivateScreen() {
  const { t } = useTranslation('auth');
  return (
    <AuthFrame title={t('activate.title')}>
      <Text>{t('activate.intro')}</Text>
      <CodeAndPasswordForm kind="activate" />
    </AuthFrame>
  );
}
