import { Button, Checkbox, Stack, Text } from '@chakra-ui/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FormFailure, formFailure } from '@renderer/companion/screens/auth/form-failure';
import { CHANNELS, type Channel, optOutsFor, type Profile } from './profile-form';
import { ProfileFailureNote, SavedNote } from './profile-failure';
import { useSaveProfile } from './use-save-profile';

function Tick({
  checked,
  onChange,
  label,
  disabled,
}: {
  checked: boolean;
  onChange: (on: boolean) => void;
  label: string;
  disabled?: boolean;
}) {
  return (
    <Checkbox.Root
      size="lg"
      minH="44px"
      alignItems="center"
      checked={checked}
      disabled={disabled ?? false}
      onCheckedChange={(e) => onChange(e.checked === true)}
    >
      <Checkbox.HiddenInput />
      <Checkbox.Control />
      <Checkbox.Label fontSize="md">{label}</Checkbox.Label>
    </Checkbox.Root>
  );
}

/**
 * Which kinds of message the patient gets besides the in-app inbox (always on): SMS and e-mail,
 * saved as the clinic's opt-outs; and whether e-mails carry the PDFs.
 */
export function ChannelsForm({ profile }: { profile: Profile }) {
  const { t } = useTranslation('profile');
  const save = useSaveProfile();
  const [ticked, setTicked] = useState<Channel[]>(
    CHANNELS.filter((c) => !profile.messageOptOuts.includes(c)),
  );
  const [attachments, setAttachments] = useState(profile.emailAttachments);
  const [note, setNote] = useState<FormFailure['note']>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const tick = (channel: Channel) => (on: boolean) =>
    setTicked((now) => (on ? [...new Set([...now, channel])] : now.filter((c) => c !== channel)));

  const submit = async () => {
    setNote(null);
    setSaved(false);
    setSaving(true);
    try {
      await save({ messageOptOuts: optOutsFor(ticked), emailAttachments: attachments });
      setSaved(true);
    } catch (error) {
      setNote(formFailure(error, []).note);
    }
    setSaving(false);
  };

  return (
    <Stack gap="2">
      <Text color="fg.muted">{t('channels.hint')}</Text>
      <ProfileFailureNote failure={note} />
      <Tick checked={ticked.includes('sms')} onChange={tick('sms')} label={t('channels.sms')} />
      <Tick checked={ticked.includes('email')} onChange={tick('email')} label={t('channels.email')} />
      {!profile.email && (
        <Text fontSize="sm" color="fg.muted">
          {t('channels.emailNeedsAddress')}
        </Text>
      )}
      <Tick
        checked={attachments}
        onChange={setAttachments}
        label={t('channels.attachments')}
        disabled={!ticked.includes('email')}
      />
      <SavedNote text={saved ? t('channels.saved') : null} />
      <Button colorPalette="teal" variant="outline" loading={saving} onClick={() => void submit()}>
        {t('channels.save')}
      </Button>
    </Stack>
  );
}
