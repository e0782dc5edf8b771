import { Button, Field, Fieldset, Input, Stack, Textarea } from '@chakra-ui/react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@renderer/companion/api/api-error';
import { type FormFailure, formFailure } from '@renderer/companion/screens/auth/form-failure';
import { type ContactValues, contactField, contactPatch, contactValues, type Profile } from './profile-form';
import { ProfileFailureNote, SavedNote } from './profile-failure';
import { useSaveProfile } from './use-save-profile';

const GATEWAY_FIELDS = [
  'phone',
  'email',
  'address',
  'emergencyContact',
  'emergencyContact.name',
  'emergencyContact.phone',
  'emergencyContact.relationship',
];

const INVALID: Record<keyof ContactValues, string> = {
  phone: 'invalid.phone',
  email: 'invalid.email',
  address: 'invalid.address',
  emergencyName: 'invalid.emergencyName',
  emergencyRelationship: 'invalid.emergencyRelationship',
  emergencyPhone: 'invalid.emergencyPhone',
};

/** How the clinic reaches the patient: phone, e-mail, address, emergency contact. */
export function ContactForm({ profile }: { profile: Profile }) {
  const { t } = useTranslation('profile');
  const save = useSaveProfile();
  const [note, setNote] = useState<FormFailure['note']>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<ContactValues>({ values: contactValues(profile) });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setNote(null);
    setSaved(false);
    try {
      await save(contactPatch(values));
      setSaved(true);
    } catch (error) {
      const failure = formFailure(error, GATEWAY_FIELDS);
      const fields = isApiError(error) ? (error.body.fields ?? []) : [];
      for (const { field } of fields) {
        const name = contactField(field);
        if (name) form.setError(name, { type: 'server', message: t(INVALID[name] as 'invalid.phone') });
      }
      setNote(failure.note);
    }
  });

  const field = (name: keyof ContactValues, label: string, input: React.ReactNode, hint?: string) => (
    <Field.Root invalid={Boolean(errors[name])}>
      <Field.Label>{label}</Field.Label>
      {input}
      {hint && !errors[name] && <Field.HelperText>{hint}</Field.HelperText>}
      {errors[name]?.message && <Field.ErrorText fontSize="sm">{errors[name].message}</Field.ErrorText>}
    </Field.Root>
  );

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="contact-heading">
      <Stack gap="4">
        <ProfileFailureNote failure={note} />
        {field(
          'phone',
          t('contact.phone'),
          <Input
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            {...form.register('phone', { validate: (v) => v.trim().length > 0 || t('invalid.phone') })}
          />,
          t('contact.phoneHint'),
        )}
        {field(
          'email',
          t('contact.email'),
          <Input type="email" inputMode="email" autoComplete="email" {...form.register('email')} />,
        )}
        {field(
          'address',
          t('contact.address'),
          <Textarea autoComplete="street-address" rows={3} {...form.register('address')} />,
        )}
        <Fieldset.Root>
          <Fieldset.Legend fontWeight="semibold">{t('contact.emergency')}</Fieldset.Legend>
          <Stack gap="3" mt="2">
            {field(
              'emergencyName',
              t('contact.emergencyName'),
              <Input {...form.register('emergencyName')} />,
            )}
            {field(
              'emergencyRelationship',
              t('contact.emergencyRelationship'),
              <Input {...form.register('emergencyRelationship')} />,
            )}
            {field(
              'emergencyPhone',
              t('contact.emergencyPhone'),
              <Input type="tel" inputMode="tel" {...form.register('emergencyPhone')} />,
            )}
          </Stack>
        </Fieldset.Root>
        <SavedNote text={saved ? t('contact.saved') : null} />
        <Button type="submit" colorPalette="teal" loading={isSubmitting} width="full">
          {t('contact.save')}
        </Button>
      </Stack>
    </form>
  );
}
