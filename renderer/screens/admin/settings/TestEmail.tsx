import { Alert, Button, Field, HStack, Input, Stack } from '@chakra-ui/react';
import { useState } from 'react';
import { emailSchema } from '@shared/domain/common.schema';
import { useApiMutation } from '@renderer/api/hooks';
import { ErrorMessage } from '@renderer/components/ErrorMessage';

/** Sends a test e-mail through the saved server now and shows what the server answered. */
export function TestEmail({ unsaved }: { unsaved: boolean }) {
  const [to, setTo] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const send = useApiMutation('messages.sendTestEmail');
  const result = send.data;

  const submit = () => {
    const parsed = emailSchema.safeParse(to.trim());
    if (!parsed.success) {
      setInvalid(parsed.error.issues[0]?.message ?? 'must be an email address');
      return;
    }
    setInvalid(null);
    send.mutate({ to: parsed.data });
  };

  return (
    <Stack gap="3" as="section" aria-label="Test e-mail">
      <Field.Root invalid={!!invalid}>
        <Field.Label>Send a test e-mail to</Field.Label>
        <HStack width="full" maxW="xl">
          <Input
            type="email"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') submit();
            }}
            placeholder="you@example.org"
          />
          <Button variant="outline" loading={send.isPending} onClick={submit} flexShrink={0}>
            Send test e-mail
          </Button>
        </HStack>
        {invalid ? (
          <Field.ErrorText>{invalid}</Field.ErrorText>
        ) : (
          <Field.HelperText>
            {unsaved ? 'Save first: the test uses the saved settings.' : 'Uses the saved settings.'}
          </Field.HelperText>
        )}
      </Field.Root>
      {send.isError && <ErrorMessage error={send.error} title="The test e-mail could not be sent" />}
      {result && !send.isPending && (
        <Alert.Root
          status={result.accepted ? 'success' : 'warning'}
          role="status"
          data-testid="test-email-result"
        >
          <Alert.Indicator />
          <Alert.Content>
            <Alert.Title>
              {result.accepted ? 'The server accepted the test e-mail' : 'The server did not accept it'}
            </Alert.Title>
            <Alert.Description>{result.response}</Alert.Description>
          </Alert.Content>
        </Alert.Root>
      )}
    </Stack>
  );
}
