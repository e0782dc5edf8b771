import { Button, Checkbox, Field, Input, NativeSelect, Stack } from '@chakra-ui/react';
import { useState } from 'react';
import type { Display } from '@shared/domain/display.schema';
import { useApiMutation } from '@renderer/api/hooks';
import { DialogFrame } from '@renderer/components/DialogFrame';
import { ErrorMessage } from '@renderer/components/ErrorMessage';

/** A display's message line, theme and voice (the TV picks the change up at once). */
export function EditDisplayDialog({ display, onClose }: { display: Display; onClose: () => void }) {
  const [message, setMessage] = useState(display.message);
  const [theme, setTheme] = useState(display.theme);
  const [language, setLanguage] = useState(display.language);
  const [voice, setVoice] = useState(display.voice ?? '');
  const [showQrCode, setShowQrCode] = useState(display.showQrCode);
  const update = useApiMutation('displays.update', { onSuccess: onClose });
  const save = () =>
    update.mutate({
      id: display.id,
      settings: {
        name: display.name,
        doctorIds: display.doctorIds,
        message,
        theme,
        language,
        voice: voice.trim() === '' ? null : voice.trim(),
        showQrCode,
      },
    });
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
        <Field.Root>
          <Field.Label>Message line</Field.Label>
          <Input size="sm" value={message} onChange={(e) => setMessage(e.target.value)} />
        </Field.Root>
        <Field.Root>
          <Field.Label>Theme</Field.Label>
          <NativeSelect.Root size="sm">
            <NativeSelect.Field value={theme} onChange={(e) => setTheme(e.target.value as 'dark' | 'light')}>
              <option value="dark">Dark</option>
              <option value="light">Light</option>
            </NativeSelect.Field>
            <NativeSelect.Indicator />
          </NativeSelect.Root>
        </Field.Root>
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
          <Field.Label>Voice name on the TV (optional)</Field.Label>
          <Input size="sm" value={voice} onChange={(e) => setVoice(e.target.value)} />
          <Field.HelperText>Empty: the TV’s default voice for the language.</Field.HelperText>
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
