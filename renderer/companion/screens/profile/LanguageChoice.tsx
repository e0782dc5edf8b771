import { Button, Stack, Text } from '@chakra-ui/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseLanguage } from '@renderer/companion/i18n/i18n';
import { LANGUAGES, type Language } from '@renderer/companion/i18n/resources';
import { SavedNote } from './profile-failure';
import { useSaveProfile } from './use-save-profile';

const NAMES: Record<Language, string> = { en: 'English', hi: 'हिन्दी' };

/**
 * The app's language on this phone, and the language of the clinic's messages (saved as the
 * patient's preferred language). The app switches at once, even when the save must wait.
 */
export function LanguageChoice() {
  const { t, i18n } = useTranslation('profile');
  const save = useSaveProfile();
  const [state, setState] = useState<'saved' | 'notSaved' | null>(null);
  const choose = async (language: Language) => {
    setState(null);
    await chooseLanguage(language);
    try {
      await save({ preferredLanguage: language });
      setState('saved');
    } catch {
      setState('notSaved');
    }
  };
  return (
    <Stack gap="3">
      <Text color="fg.muted">{t('language.hint')}</Text>
      <Stack direction="row" gap="3" role="group" aria-labelledby="language-heading">
        {LANGUAGES.map((language) => (
          <Button
            key={language}
            lang={language}
            flex="1"
            colorPalette="teal"
            variant={i18n.language === language ? 'solid' : 'outline'}
            aria-pressed={i18n.language === language}
            onClick={() => void choose(language)}
          >
            {NAMES[language]}
          </Button>
        ))}
      </Stack>
      <SavedNote text={state === 'saved' ? t('language.saved') : null} />
      {state === 'notSaved' && (
        <Text role="alert" color="fg.error">
          {t('errors.languageNotSaved')}
        </Text>
      )}
    </Stack>
  );
}
