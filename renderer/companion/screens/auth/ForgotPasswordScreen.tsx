import { Link, Text } from '@chakra-ui/react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation } from 'react-router';
import { paths } from '@renderer/companion/shell/routes';
import { AuthFrame } from './AuthFrame';
import { CodeAndPasswordForm } from './CodeAndPasswordForm';
import { authState } from './return-path';

/** A forgotten password: a code by SMS, then a new password, which signs in (other sessions end). */
export function ForgotPasswordScreen() {
  const { t } = useTranslation('auth');
  const state = authState(useLocation().state);
  return (
    <AuthFrame title={t('forgot.title')}>
      <Text>{t('forgot.intro')}</Text>
      <CodeAndPasswordForm kind="reset" />
      <Link asChild color="teal.700" minH="44px">
        <RouterLink to={paths.signIn} state={state}>
          {t('forgot.back')}
        </RouterLink>
      </Link>
    </AuthFrame>
  );
}
