import { Field, HStack, NativeSelect, Text } from '@chakra-ui/react';
import { type ReactNode, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { messageLanguageSchema, notificationKindSchema } from '@shared/domain/notification.schema';
import { useApiQuery } from '@renderer/api/hooks';
import { ConfirmDialog } from '@renderer/components/admin/ConfirmDialog';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { ScreenHeader } from '@renderer/components/ScreenHeader';
import { LoadingState } from '@renderer/components/StateViews';
import {
  CHANNEL_LABELS,
  CHANNELS_IN_ORDER,
  choiceFrom,
  KIND_LABELS,
  LANGUAGE_LABELS,
  type TextChoice,
} from './message-labels';
import { TemplateEditor } from './TemplateEditor';

/** The admin edits what patients are sent, per message, channel and language (`messages.*`). */
export function MessageTextsScreen() {
  const [params, setParams] = useSearchParams();
  const choice = choiceFrom(params);
  const templates = useApiQuery('messages.templates', {});
  const entries = templates.data ?? [];
  const entry = entries.find(
    (e) => e.kind === choice.kind && e.channel === choice.channel && e.language === choice.language,
  );
  const changed = (kind: string) =>
    entries.some(
      (e) =>
        e.kind === kind && e.channel === choice.channel && e.language === choice.language && e.customized,
    );
  // Two changes before the next render must not undo each other: each builds on the last.
  const latest = useRef(choice);
  latest.current = choice;
  const [dirty, setDirty] = useState(false);
  const [pending, setPending] = useState<Partial<TextChoice> | null>(null);
  const apply = (next: Partial<TextChoice>) => {
    latest.current = { ...latest.current, ...next };
    setParams({ ...latest.current }, { replace: true });
  };
  // Another text while this one has unsaved changes: asked first.
  const choose = (next: Partial<TextChoice>) => (dirty ? setPending(next) : apply(next));

  return (
    <>
      <ScreenHeader
        title="Message texts"
        description="What patients get by e-mail, SMS and in the app. Shipped texts in English and Hindi; each patient gets their preferred language."
      />
      <HStack gap="4" mb="5" align="end" wrap="wrap">
        <Picker
          label="Message"
          value={choice.kind}
          onChange={(kind) => choose({ kind: kind as TextChoice['kind'] })}
        >
          {notificationKindSchema.options.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind]}
              {changed(kind) ? ' (clinic text)' : ''}
            </option>
          ))}
        </Picker>
        <Picker
          label="Channel"
          value={choice.channel}
          onChange={(channel) => choose({ channel: channel as TextChoice['channel'] })}
        >
          {CHANNELS_IN_ORDER.map((channel) => (
            <option key={channel} value={channel}>
              {CHANNEL_LABELS[channel]}
            </option>
          ))}
        </Picker>
        <Picker
          label="Language"
          value={choice.language}
          onChange={(language) => choose({ language: language as TextChoice['language'] })}
        >
          {messageLanguageSchema.options.map((language) => (
            <option key={language} value={language}>
              {LANGUAGE_LABELS[language]}
            </option>
          ))}
        </Picker>
      </HStack>
      <ErrorMessage error={templates.error} />
      {templates.isLoading && <LoadingState label="Loading the message texts…" />}
      {entry && (
        <TemplateEditor
          key={`${choice.kind}:${choice.channel}:${choice.language}:${entry.updatedAt ?? 'shipped'}`}
          choice={choice}
          entry={entry}
          onDirtyChange={setDirty}
        />
      )}
      <ConfirmDialog
        open={pending !== null}
        title="Discard your changes?"
        confirmLabel="Discard changes"
        danger
        onConfirm={() => {
          if (pending) apply(pending);
          setPending(null);
        }}
        onClose={() => setPending(null)}
      >
        <Text>The text you changed has not been saved. Choosing another text discards your changes.</Text>
      </ConfirmDialog>
    </>
  );
}

function Picker({
  label,
  value,
  onChange,
  children,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  return (
    <Field.Root width="auto">
      <Field.Label>{label}</Field.Label>
      <NativeSelect.Root size="sm" minW="14rem">
        <NativeSelect.Field value={value} onChange={(e) => onChange(e.target.value)}>
          {children}
        </NativeSelect.Field>
        <NativeSelect.Indicator />
      </NativeSelect.Root>
    </Field.Root>
  );
}
