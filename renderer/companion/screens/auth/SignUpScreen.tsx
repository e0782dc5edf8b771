import { Button, Input, Link, Stack, Text } from '@chakra-ui/react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useNavigate } from 'react-router';
import { api } from '@renderer/companion/api/client';
import { paths } from '@renderer/companion/shell/routes';
import { AuthField, FailureNote, useAuthSubmit } from './auth-form';
import { AuthFrame } from './AuthFrame';
import { authState } from './return-path';

interface SignUpValues {
  fullName: string;
  phone: string;
  dateOfBirth: string;
  email: string;
}

const PHONE = /^\+?[0-9][0-9 ()-]{5,19}$/;

/**
 * A new account: name, mobile, date of birth (and e-mail). The clinic answers the same whether
 * or not the details match a record (privacy), so the screen says "if the details match, a code
 * is on its way" and moves on to the code.
 */
export function SignUpScreen() {
  const { t } = useTranslation('auth');
  const location = useLocation();
  const navigate = useNavigate();
  const form = useForm<SignUpValues>({
    defaultValues: { fullName: '', phone: '', dateOfBirth: '', email: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const { note, run } = useAuthSubmit(form, {
    fullName: 'fullName',
    phone: 'phone',
    dateOfBirth: 'dateOfBirth',
    email: 'email',
  });
  const onSubmit = form.handleSubmit((values) =>
    run(async () => {
      await api.post('/auth/sign-up', {
        fullName: values.fullName.trim(),
        phone: values.phone.trim(),
        dateOfBirth: values.dateOfBirth,
        email: values.email.trim() || null,
      });
      void navigate(paths.activate, {
        state: { ...authState(location.state), login: values.phone.trim(), codeSent: true },
      });
    }),
  );

  return (
    <AuthFrame title={t('signUp.title')}>
      <Text>{t('signUp.intro')}</Text>
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label={t('signUp.title')}>
        <Stack gap="4">
          <FailureNote failure={note} />
          <AuthField label={t('fields.fullName.label')} error={errors.fullName?.message}>
            <Input
              autoComplete="name"
              {...form.register('fullName', {
                validate: (v) => v.trim().length > 0 || t('fields.fullName.invalid'),
              })}
            />
          </AuthField>
          <AuthField
            label={t('fields.phone.label')}
            hint={t('fields.phone.hint')}
            error={errors.phone?.message}
          >
            <Input
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              {...form.register('phone', {
                validate: (v) => PHONE.test(v.trim()) || t('fields.phone.invalid'),
              })}
            />
          </AuthField>
          <AuthField label={t('fields.dateOfBirth.label')} error={errors.dateOfBirth?.message}>
            <Input
              type="date"
              autoComplete="bday"
              max={new Date().toISOString().slice(0, 10)}
              {...form.register('dateOfBirth', { required: t('fields.dateOfBirth.invalid') })}
            />
          </AuthField>
          <AuthField label={t('fields.email.label')} error={errors.email?.message}>
            <Input
              type="email"
              inputMode="email"
              autoComplete="email"
              {...form.register('email', {
                validate: (v) =>
                  !v.trim() || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) || t('fields.email.invalid'),
              })}
            />
          </AuthField>
          <Button type="submit" colorPalette="teal" loading={isSubmitting} width="full">
            {t('signUp.submit')}
          </Button>
        </Stack>
      </form>
      <Link asChild color="teal.700" minH="44px">
        <RouterLink to={paths.signIn} state={authState(location.state)}>
          {t('signUp.haveAccount')}
        </RouterLink>
      </Link>
    </AuthFrame>
  );
}
