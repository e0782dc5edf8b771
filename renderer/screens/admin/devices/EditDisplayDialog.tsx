import { Button, Checkbox, Field, NativeSelect, Stack } from '@chakra-ui/react';
import { useState } from 'react';
import type { Display } from '@shared/domain/display.schema';
import { useApiMutation } from '@renderer/api/hooks';
import { DialogFrame } from '@renderer/components/DialogFrame';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { type DisplayChoice, DisplayFields } from './DisplayFields';

/**
 * What a display shows (doctors, rooms, message line, theme) and how it announces (language and
 * one of the voices its TV reported); the TV picks the change up at once.
 */
export function EditDisplayDialog({ display, onClose }: { display: Display; onClose: () => void }) {
  const [choice, setChoice] = useState<DisplayChoice>({
    name: display.name,
    doctorIds: display.doctorIds,
    roomIds: display.roomIds,
    message: display.message,
    theme: display.theme,
  });
  const [language, setLanguage] = useState(display.language);
  const [voice, setVoice] = useState(display.voice ?? '');
  const [showQrCode, setShowQrCode] = useState(display.showQrCode);
  const update = useApiMutation('displays.update', { onSuccess: onClose });
  const save = () =>
    update.mutate({
      id: display.id,
      settings: { ...choice, language, voice: voice === '' ? null : voice, showQrCode },
    });
  // The chosen voice stays offered even when the TV no longer reports it.
  const kept = display.voice !== null && !display.voices.some((v) => v.name === display.voice);
  return (
    <DialogFrame
      open
      onClose={onClose}
      title={`Edit ${display.name}`}
      form={{
        'aria-label': `Edit ${display.name}`,
        onSubmit: (e) => {
          e.preventDefault();
          save();
        },
      }}
      footer={
        <>
          <Button variant="outline" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save
          </Button>
        </>
      }
    >
      <Stack gap="3">
        <DisplayFields value={choice} onChange={setChoice} />
        <Field.Root>
          <Field.Label>Announcement language</Field.Label>
          <NativeSelect.Root size="sm">
            <NativeSelect.Field value={language} onChange={(e) => setLanguage(e.target.value)}>
              <option value="en-IN">English (India)</option>
              <option value="hi-IN">Hindi</option>
            </NativeSelect.Field>
            <NativeSelect.Indicator />
          </NativeSelect.Root>
        </Field.Root>
        <Field.Root>
          <Field.Label>Voice</Field.Label>
          <NativeSelect.Root size="sm">
            <NativeSelect.Field value={voice} onChange={(e) => setVoice(e.target.value)}>
              <option value="">Default voice</option>
              {kept ? (
                <option value={display.voice ?? ''}>{`${display.voice} (not reported by the TV)`}</option>
              ) : null}
              {display.voices.map((v) => (
                <option key={v.name} value={v.name}>
                  {v.lang ? `${v.name} (${v.lang})` : v.name}
                </option>
              ))}
            </NativeSelect.Field>
            <NativeSelect.Indicator />
          </NativeSelect.Root>
          <Field.HelperText>
            {display.voices.length === 0
              ? 'The TV has not reported its voices yet: its default voice for the language is used.'
              : 'The voices the TV’s browser offers. Default: its voice for the language.'}
          </Field.HelperText>
        </Field.Root>
        <Field.Root>
          <Checkbox.Root checked={showQrCode} onCheckedChange={(e) => setShowQrCode(e.checked === true)}>
            <Checkbox.HiddenInput />
            <Checkbox.Control />
            <Checkbox.Label>Show QR code</Checkbox.Label>
          </Checkbox.Root>
          <Field.HelperText>
            Of the companion app link set in Settings (none: no code shown).
          </Field.HelperText>
        </Field.Root>
        <ErrorMessage error={update.error} action="Not saved" />
      </Stack>
    </DialogFrame>
  );
}
