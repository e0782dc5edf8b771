import { Badge, Box, Button, HStack, Input, Stack, Text, Textarea, Wrap } from '@chakra-ui/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { type z } from 'zod';
import type { ApiError } from '@shared/contract/errors';
import { messageTemplateSchema } from '@shared/domain/notification.schema';
import { placeholdersByKind } from '@shared/rules/message-template';
import { applyApiError } from '@renderer/api/form-errors';
import { useApiMutation } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { useShortcut } from '@renderer/app/shortcuts/ShortcutProvider';
import { ConfirmDialog } from '@renderer/components/admin/ConfirmDialog';
import { Panel } from '@renderer/components/admin/Panel';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { FormField } from '@renderer/components/FormField';
import { toaster } from '@renderer/components/toaster';
import { CHANNEL_LABELS, KIND_LABELS, LANGUAGE_LABELS, type TextChoice } from './message-labels';
import { TemplatePreview } from './TemplatePreview';

const schema = messageTemplateSchema.pick({ subject: true, body: true });
type Values = z.infer<typeof schema>;
type Entry = Values & { customized: boolean; updatedAt: string | null };

/** Edits one text: save (the hub refuses an unknown placeholder, naming it), reset, live preview. */
export function TemplateEditor({
  choice,
  entry,
  onDirtyChange,
}: {
  choice: TextChoice;
  entry: Entry;
  /** Told whether there are unsaved changes (the screen asks before choosing another text). */
  onDirtyChange: (dirty: boolean) => void;
}) {
  const format = useClinicFormat();
  const [refused, setRefused] = useState<ApiError | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { subject: entry.subject, body: entry.body },
  });
  const { errors } = form.formState;
  const sms = choice.channel === 'sms';
  const fields = {
    subject: useRef<HTMLInputElement | null>(null),
    body: useRef<HTMLTextAreaElement | null>(null),
  };
  const lastField = useRef<'subject' | 'body'>('body');

  const save = useApiMutation('messages.saveTemplate', {
    onSuccess: () => toaster.create({ type: 'success', title: 'Text saved' }),
    onError: (error) => setRefused(applyApiError(error, form.setError, { knownFields: ['subject', 'body'] })),
  });
  const reset = useApiMutation('messages.resetTemplate', {
    onSuccess: () => {
      setConfirmReset(false);
      toaster.create({ type: 'success', title: 'The shipped text is back' });
    },
  });
  const onSubmit = form.handleSubmit((values) => {
    setRefused(null);
    save.mutate({ ...choice, subject: sms ? '' : values.subject, body: values.body });
  });
  useShortcut(['mod+s'], () => void onSubmit(), { description: 'Save the text', allowInInputs: true });

  /** Puts `{name}` where the cursor was in the field last typed in. */
  const insert = (name: string) => {
    const field = sms ? 'body' : lastField.current;
    const element = fields[field].current;
    const value = form.getValues(field);
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? value.length;
    const token = `{${name}}`;
    form.setValue(field, value.slice(0, start) + token + value.slice(end), { shouldDirty: true });
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + token.length, start + token.length);
    });
  };
  const subjectReg = form.register('subject');
  const bodyReg = form.register('body');
  const dirty = form.formState.isDirty;
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  return (
    <Box display="grid" gridTemplateColumns={{ base: '1fr', lg: '3fr 2fr' }} gap="5" alignItems="start">
      <Panel
        title={`${KIND_LABELS[choice.kind]} · ${CHANNEL_LABELS[choice.channel]} · ${LANGUAGE_LABELS[choice.language]}`}
        actions={
          <HStack gap="2">
            {entry.customized ? (
              <Badge colorPalette="teal">
                Clinic text{entry.updatedAt ? ` · ${format.date(entry.updatedAt)}` : ''}
              </Badge>
            ) : (
              <Badge>Shipped text</Badge>
            )}
            {entry.customized && (
              <Button size="xs" variant="outline" colorPalette="red" onClick={() => setConfirmReset(true)}>
                Reset to the shipped text
              </Button>
            )}
          </HStack>
        }
      >
        <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Message text">
          <Stack gap="4">
            <ErrorMessage error={refused} />
            {!sms && (
              <FormField label="Subject" error={errors.subject}>
                <Input
                  {...subjectReg}
                  ref={(el) => {
                    subjectReg.ref(el);
                    fields.subject.current = el;
                  }}
                  onFocus={() => (lastField.current = 'subject')}
                />
              </FormField>
            )}
            <FormField
              label={sms ? 'SMS text' : 'Text'}
              error={errors.body}
              helper={sms ? 'Keep it short: Hindi SMS take 70 characters a segment, English 160.' : undefined}
            >
              <Textarea
                {...bodyReg}
                ref={(el) => {
                  bodyReg.ref(el);
                  fields.body.current = el;
                }}
                onFocus={() => (lastField.current = 'body')}
                rows={sms ? 4 : 10}
                fontFamily="inherit"
              />
            </FormField>
            <Stack gap="1">
              <Text fontSize="sm" fontWeight="medium" id="placeholders-label">
                Placeholders of this message (click to insert)
              </Text>
              <Wrap gap="1.5" role="group" aria-labelledby="placeholders-label">
                {placeholdersByKind[choice.kind].map((name) => (
                  <Button
                    key={name}
                    size="xs"
                    variant="subtle"
                    fontFamily="mono"
                    onClick={() => insert(name)}
                    aria-label={`Insert {${name}}`}
                  >
                    {`{${name}}`}
                  </Button>
                ))}
              </Wrap>
            </Stack>
            <HStack justify="flex-end" gap="3" wrap="wrap">
              {dirty && (
                <Text color="fg.muted" fontSize="sm" role="status">
                  Unsaved changes
                </Text>
              )}
              <Button variant="outline" disabled={!dirty} onClick={() => form.reset()}>
                Discard changes
              </Button>
              <Button type="submit" loading={save.isPending} disabled={!dirty}>
                Save text
              </Button>
            </HStack>
          </Stack>
        </form>
      </Panel>
      <TemplatePreview choice={choice} subject={form.watch('subject')} body={form.watch('body')} />
      <ConfirmDialog
        open={confirmReset}
        title="Go back to the shipped text?"
        confirmLabel="Reset to the shipped text"
        danger
        busy={reset.isPending}
        error={reset.error}
        onConfirm={() => reset.mutate(choice)}
        onClose={() => setConfirmReset(false)}
      >
        <Text>
          The clinic&apos;s own text for “{KIND_LABELS[choice.kind]}” ({CHANNEL_LABELS[choice.channel]},{' '}
          {LANGUAGE_LABELS[choice.language]}) is deleted. Messages made from now on use the shipped text.
        </Text>
      </ConfirmDialog>
    </Box>
  );
}
