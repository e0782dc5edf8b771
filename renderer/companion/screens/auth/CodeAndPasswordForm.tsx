import { Alert, Button, Input, Stack, Text } from '@chakra-ui/react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { api } from '@renderer/companion/api/client';
import {
  AuthField,
  FailureNote,
  LoginField,
  type SessionAnswer,
  useAuthSubmit,
  useSignedIn,
} from './auth-form';
import { deviceId } from './device-id';
import { authState } from './return-path';

interface CodeValues {
  login: string;
  code: string;
  newPassword: string;
}

const ROUTES = {
  activate: { request: '/auth/activation-code', submit: '/auth/activate' },
  reset: { request: '/auth/password-reset-code', submit: '/auth/password-reset' },
} as const;

/**
 * The code from the SMS and a new password, for a first activation or a forgotten password
 * alike: "send me a code" (again) for the number, then the code and the password, which signs in.
 * A wrong or expired code is shown on the code field, with "send a new code" right below it.
 * For a reset the code and password appear once the code was asked for.
 */
export function CodeAndPasswordForm({ kind }: { kind: 'activate' | 'reset' }) {
  const { t } = useTranslation('auth');
  const location = useLocation();
  const arrived = authState(location.state);
  const signedIn = useSignedIn();
  const [sent, setSent] = useState<'signUp' | 'again' | null>(arrived.codeSent ? 'signUp' : null);
  const [sending, setSending] = useState(false);
  const form = useForm<CodeValues>({
    defaultValues: { login: arrived.login ?? '', code: '', newPassword: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const { note, run } = useAuthSubmit(form, { login: 'login', code: 'code', password: 'newPassword' });
  const showCode = kind === 'activate' || sent !== null;

  const sendCode = async () => {
    if (!(await form.trigger('login'))) return;
    setSending(true);
    await run(async () => {
      setSent(null);
      await api.post(ROUTES[kind].request, { login: form.getValues('login').trim() });
      setSent('again');
      form.clearErrors('code');
    });
    setSending(false);
  };
  const onSubmit = form.handleSubmit((values) =>
    run(async () => {
      const answer = await api.post<SessionAnswer>(ROUTES[kind].submit, {
        login: values.login.trim(),
        code: values.code.trim(),
        password: values.newPassword,
        deviceId: deviceId(),
      });
      await signedIn(answer);
    }),
  );
  const sentText =
    kind === 'reset'
      ? t('forgot.sent')
      : sent === 'signUp'
        ? t('activate.sent', { phone: arrived.login ?? '' })
        : t('activate.codeSent');

  return (
    <form
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-label={t(kind === 'activate' ? 'activate.title' : 'forgot.title')}
    >
      <Stack gap="4">
        {sent && (
          <Alert.Root status="info" role="status">
            <Alert.Indicator />
            <Alert.Content>
              <Alert.Description>{sentText}</Alert.Description>
            </Alert.Content>
          </Alert.Root>
        )}
        <FailureNote failure={note} />
        <LoginField error={errors.login?.message} register={(rules) => form.register('login', rules)} />
        {kind === 'reset' && !showCode && (
          <Button colorPalette="teal" width="full" loading={sending} onClick={() => void sendCode()}>
            {t('forgot.sendCode')}
          </Button>
        )}
        {showCode && (
          <>
            <AuthField label={t('fields.code.label')} error={errors.code?.message}>
              <Input
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                letterSpacing="0.3em"
                fontSize="xl"
                {...form.register('code', {
                  validate: (v) => /^\d{6}$/.test(v.trim()) || t('fields.code.invalid'),
                })}
              />
            </AuthField>
            <Stack direction="row" align="center" gap="2" wrap="wrap">
              <Text color="fg.muted">{t('activate.noCode')}</Text>
              <Button variant="outline" colorPalette="teal" loading={sending} onClick={() => void sendCode()}>
                {sent || kind === 'reset' ? t('activate.sendNewCode') : t('activate.sendCode')}
              </Button>
            </Stack>
            <AuthField
              label={t('fields.newPassword.label')}
              hint={t('fields.newPassword.hint')}
              error={errors.newPassword?.message}
            >
              <Input
                type="password"
                autoComplete="new-password"
                {...form.register('newPassword', {
                  validate: (v) => v.length >= 10 || t('fields.newPassword.invalid'),
                })}
              />
            </AuthField>
            <Button type="submit" colorPalette="teal" width="full" loading={isSubmitting}>
              {t(kind === 'activate' ? 'activate.submit' : 'forgot.submit')}
            </Button>
          </>
        )}
      </Stack>
    </form>
  );
}
