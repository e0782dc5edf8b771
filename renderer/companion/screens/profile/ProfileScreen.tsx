import { Button, Card, DataList, Heading, Stack, Text } from '@chakra-ui/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFormat } from '@renderer/companion/api/clinic';
import { useGet } from '@renderer/companion/api/queries';
import { useSession } from '@renderer/companion/api/session';
import { PushSettings } from '@renderer/companion/push/PushSettings';
import { AsOf } from '@renderer/companion/shell/AsOf';
import { ErrorNote } from '@renderer/companion/shell/ErrorNote';
import { paths } from '@renderer/companion/shell/routes';
import { ScreenSkeleton } from '@renderer/companion/shell/ScreenSkeleton';
import { ChannelsForm } from './ChannelsForm';
import { ContactForm } from './ContactForm';
import { LanguageChoice } from './LanguageChoice';
import type { Profile } from './profile-form';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card.Root as="section" aria-labelledby={id} variant="outline">
      <Card.Body gap="3">
        <Heading as="h2" size="lg" id={id}>
          {title}
        </Heading>
        {children}
      </Card.Body>
    </Card.Root>
  );
}

/**
 * The patient's profile: who they are (read-only: reception corrects it), how the clinic reaches
 * them, the language, which channels carry the clinic's messages, and signing out.
 */
export default function ProfileScreen() {
  const { t } = useTranslation('profile');
  const { t: common } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const navigate = useNavigate();
  const profile = useGet<Profile>(['/profile']);
  // Leave for the welcome screen first (it waits for the sign-out): the next sign-in then starts
  // at home, not back on this profile.
  const signOut = () => {
    void navigate(paths.welcome, { replace: true, state: { signingOut: true } });
    void session.signOut();
  };

  if (profile.isPending) return <ScreenSkeleton />;
  if (profile.isError) return <ErrorNote error={profile.error} onRetry={() => void profile.refetch()} />;
  const me = profile.data.data;

  return (
    <Stack gap="5">
      <Stack direction="row" justify="space-between" align="center" wrap="wrap">
        <Heading as="h1" size="2xl">
          {t('title')}
        </Heading>
        <AsOf asOf={profile.data.asOf} />
      </Stack>

      <Section id="about-heading" title={t('about.heading')}>
        <DataList.Root orientation="horizontal">
          <DataList.Item>
            <DataList.ItemLabel>{t('about.name')}</DataList.ItemLabel>
            <DataList.ItemValue>{me.fullName}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('about.code')}</DataList.ItemLabel>
            <DataList.ItemValue>{me.code}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('about.dateOfBirth')}</DataList.ItemLabel>
            <DataList.ItemValue>
              {me.dateOfBirth && !me.dateOfBirthEstimated
                ? format.longDay(me.dateOfBirth)
                : t('about.unknown')}
            </DataList.ItemValue>
          </DataList.Item>
        </DataList.Root>
        <Text fontSize="sm" color="fg.muted">
          {t('about.staffOnly')}
        </Text>
      </Section>

      <Section id="language-heading" title={t('language.heading')}>
        <LanguageChoice />
      </Section>

      <Section id="contact-heading" title={t('contact.heading')}>
        <ContactForm profile={me} />
      </Section>

      <Section id="channels-heading" title={t('channels.heading')}>
        <ChannelsForm profile={me} />
      </Section>

      <Card.Root variant="outline">
        <Card.Body>
          <PushSettings />
        </Card.Body>
      </Card.Root>

      <Section id="sign-out-heading" title={t('signOut.heading')}>
        <Text color="fg.muted">{t('signOut.hint')}</Text>
        <Button variant="outline" colorPalette="red" width="full" onClick={signOut}>
          {common('actions.signOut')}
        </Button>
      </Section>
    </Stack>
  );
}
