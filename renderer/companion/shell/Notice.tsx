import { Alert } from '@chakra-ui/react';

/** One sentence in a coloured box: a failure (announced at once) or a note (read in turn). */
export function Notice({ status, text }: { status: 'error' | 'info' | 'success'; text: string }) {
  return (
    <Alert.Root status={status} role={status === 'error' ? 'alert' : 'status'}>
      <Alert.Indicator />
      <Alert.Content>
        <Alert.Description>{text}</Alert.Description>
      </Alert.Content>
    </Alert.Root>
  );
}
