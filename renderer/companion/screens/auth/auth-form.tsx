import { Field, Input } from '@chakra-ui/react';
import { useState } from 'react';
import type { FieldValues, Path, UseFormRegisterReturn, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '@shared/contract/index';
import { useSession } from '@renderer/companion/api/session';
import { type FormFailure, formFailure, waitFor } from './form-failure';
import { Notice } from '@renderer/companion/shell/Notice';

export type SessionAnswer = ResultOf<'auth.patientLogin'>;

/**
 * The "mobile number or patient code" field of sign-in, activation and password reset: `register`
 * is the form's own `register('login', rules)`.
 */
export function LoginField({
  error,
  register,
}: {
  error: string | undefined;
  register: (rules: { validate: (value: string) => true | string }) => UseFormRegisterReturn;
}) {
  const { t } = useTranslation('auth');
  return (
    <AuthField label={t('fields.login.label')} error={error}>
      <Input
        autoComplete="username"
        inputMode="tel"
        {...register({ validate: (value) => value.trim().length >= 6 || t('fields.login.invalid') })}
      />
    </AuthField>
  );
}

/** A labelled input with its hint, or the error in its place (announced, tied to the input). */
export function AuthField({
  label,
  hint,
  error,
  children,
}: {
  label: string;
  hint?: string;
  error?: string | undefined;
  children: React.ReactNode;
}) {
  return (
    <Field.Root invalid={Boolean(error)}>
      <Field.Label fontSize="md">{label}</Field.Label>
      {children}
      {hint && !error && <Field.HelperText>{hint}</Field.HelperText>}
      {error && <Field.ErrorText fontSize="sm">{error}</Field.ErrorText>}
    </Field.Root>
  );
}

/** The note above a form for a failed request, in the patient's language. */
export function FailureNote({ failure }: { failure: FormFailure['note'] }) {
  const { t } = useTranslation('auth');
  if (!failure) return null;
  let message: string;
  if (failure.kind === 'rateLimited') {
    const wait = waitFor(failure.seconds ?? 60);
    message = t(wait.unit === 'seconds' ? 'errors.rateLimitedSeconds' : 'errors.rateLimitedMinutes', {
      count: wait.count,
    });
  } else message = t(`errors.${failure.kind}`);
  return <Notice status="error" text={message} />;
}

type FieldName = 'fullName' | 'phone' | 'dateOfBirth' | 'email' | 'login' | 'password' | 'code';

/**
 * Submits a form to the gateway: a refused field gets its message on the field (a wrong or
 * expired code on the code field), anything else a note above the form saying what to do.
 * `fieldFor` maps the gateway's field names to the form's (the new password is `password` there).
 */
export function useAuthSubmit<V extends FieldValues>(
  form: UseFormReturn<V>,
  fieldFor: Partial<Record<FieldName, Path<V>>>,
) {
  const { t } = useTranslation('auth');
  const [note, setNote] = useState<FormFailure['note']>(null);
  const run = async (request: () => Promise<void>) => {
    setNote(null);
    try {
      await request();
    } catch (error) {
      const failure = formFailure(error, Object.keys(fieldFor));
      for (const field of failure.fields as FieldName[]) {
        const message =
          field === 'code'
            ? t('fields.code.wrong')
            : field === 'password' && fieldFor.password === ('newPassword' as Path<V>)
              ? t('fields.newPassword.invalid')
              : t(`fields.${field}.invalid`);
        form.setError(fieldFor[field]!, { type: 'server', message }, { shouldFocus: true });
      }
      setNote(failure.note);
    }
  };
  return { note, run };
}

/** After activation, a reset or sign-in: keep the session; AuthRoutes then goes where the patient was headed. */
export function useSignedIn() {
  const session = useSession();
  return (answer: SessionAnswer) =>
    session.signedIn({ token: answer.token, patientId: answer.user.patientId ?? '' });
}
