import { Button, Stack, Text } from '@chakra-ui/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation } from 'react-router';
import { chooseLanguage, storedLanguage } from '@renderer/companion/i18n/i18n';
import { LANGUAGES, type Language } from '@renderer/companion/i18n/resources';
import { paths } from '@renderer/companion/shell/routes';
import { AuthFrame } from './AuthFrame';
import { authState } from './return-path';

const NAMES: Record<Language, string> = { en: 'English', hi: 'हिन्दी' };

/** Big buttons, each language named in itself: a patient who reads only Hindi finds हिन्दी. */
export function LanguageButtons({ onChosen }: { onChosen?: () => void }) {
  const { i18n } = useTranslation();
  return (
    <Stack gap="3">
      {LANGUAGES.map((language) => (
        <Button
          key={language}
          lang={language}
          size="xl"
          minH="56px"
          fontSize="xl"
          variant={i18n.language === language ? 'solid' : 'outline'}
          colorPalette="teal"
          aria-pressed={i18n.language === language}
          onClick={() => void chooseLanguage(language).then(onChosen)}
        >
          {NAMES[language]}
        </Button>
      ))}
    </Stack>
  );
}

/**
 * The first screen signed out. At the very first start it asks the language (before any other
 * word), then offers sign-in, a new account, or activating the account reception made.
 */
export function WelcomeScreen() {
  const { t } = useTranslation('auth');
  const state = authState(useLocation().state);
  const [asking, setAsking] = useState(storedLanguage() === null);

  if (asking) {
    return (
      <AuthFrame title={LANGUAGES.map((lng) => t('welcome.chooseLanguage', { lng })).join(' · ')}>
        <Text color="fg.muted">
          {LANGUAGES.map((lng) => t('welcome.chooseLanguageHint', { lng })).join(' ')}
        </Text>
        <LanguageButtons onChosen={() => setAsking(false)} />
      </AuthFrame>
    );
  }
  return (
    <AuthFrame title={t('welcome.title')}>
      <Text fontSize="lg">{t('welcome.intro')}</Text>
      <Stack gap="3">
        <Button asChild colorPalette="teal" size="xl" minH="56px">
          <RouterLink to={paths.signIn} state={state}>
            {t('welcome.signIn')}
          </RouterLink>
        </Button>
        <Button asChild variant="outline" colorPalette="teal" size="xl" minH="56px">
          <RouterLink to={paths.signUp} state={state}>
            {t('welcome.createAccount')}
          </RouterLink>
        </Button>
      </Stack>
      <Stack gap="1">
        <Text color="fg.muted">{t('welcome.registered')}</Text>
        <Button asChild variant="ghost" colorPalette="teal" justifyContent="flex-start" px="0">
          <RouterLink to={paths.activate} state={state}>
            {t('welcome.activate')}
          </RouterLink>
        </Button>
      </Stack>
      <Button variant="ghost" justifyContent="flex-start" px="0" onClick={() => setAsking(true)}>
        {t('welcome.changeLanguage')}: {LANGUAGES.map((l) => NAMES[l]).join(' · ')}
      </Button>
    </AuthFrame>
  );
}
