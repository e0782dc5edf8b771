import { Button, Input, Link, Stack } from '@chakra-ui/react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation } from 'react-router';
import { api } from '@renderer/companion/api/client';
import { paths } from '@renderer/companion/shell/routes';
import {
  AuthField,
  FailureNote,
  LoginField,
  type SessionAnswer,
  useAuthSubmit,
  useSignedIn,
} from './auth-form';
import { AuthFrame } from './AuthFrame';
import { deviceId } from './device-id';
import { authState } from './return-path';

interface SignInValues {
  login: string;
  password: string;
}

/** Sign-in with the mobile number (or patient code) and password. */
export function SignInScreen() {
  const { t } = useTranslation('auth');
  const location = useLocation();
  const signedIn = useSignedIn();
  const form = useForm<SignInValues>({
    defaultValues: { login: authState(location.state).login ?? '', password: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const { note, run } = useAuthSubmit(form, { login: 'login', password: 'password' });
  const onSubmit = form.handleSubmit((values) =>
    run(async () => {
      const answer = await api.post<SessionAnswer>('/auth/login', {
        login: values.login.trim(),
        password: values.password,
        deviceId: deviceId(),
      });
      await signedIn(answer);
    }),
  );
  const linkState = { ...authState(location.state), login: form.watch('login').trim() || undefined };

  return (
    <AuthFrame title={t('signIn.title')}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label={t('signIn.title')}>
        <Stack gap="4">
          <FailureNote failure={note} />
          <LoginField error={errors.login?.message} register={(rules) => form.register('login', rules)} />
          <AuthField label={t('fields.password.label')} error={errors.password?.message}>
            <Input
              type="password"
              autoComplete="current-password"
              {...form.register('password', { required: t('fields.password.invalid') })}
            />
          </AuthField>
          <Button type="submit" colorPalette="teal" width="full" loading={isSubmitting}>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
      <Stack gap="2">
        <Link asChild color="teal.700" minH="44px">
          <RouterLink to={paths.forgotPassword} state={linkState}>
            {t('signIn.forgot')}
          </RouterLink>
        </Link>
        <Link asChild color="teal.700" minH="44px">
          <RouterLink to={paths.signUp} state={authState(location.state)}>
            {t('signIn.noAccount')}
          </RouterLink>
        </Link>
        <Link asChild color="teal.700" minH="44px">
          <RouterLink to={paths.activate} state={linkState}>
            {t('signIn.activate')}
          </RouterLink>
        </Link>
      </Stack>
    </AuthFrame>
  );
}
