import { Field, HStack, Input, Text } from '@chakra-ui/react';

/** The first and last day of a custom summary range (both included). */
export function CustomRangeFields({
  fromDate,
  toDate,
  error,
  onChange,
}: {
  fromDate: string;
  toDate: string;
  error: string | null;
  onChange: (patch: { from?: string; to?: string }) => void;
}) {
  return (
    <HStack gap="3" align="end" wrap="wrap" role="group" aria-label="Custom range">
      <Field.Root orientation="horizontal" gap="2" w="auto">
        <Field.Label whiteSpace="nowrap">From</Field.Label>
        <Input size="sm" type="date" value={fromDate} onChange={(e) => onChange({ from: e.target.value })} />
      </Field.Root>
      <Field.Root orientation="horizontal" gap="2" w="auto">
        <Field.Label whiteSpace="nowrap">To</Field.Label>
        <Input size="sm" type="date" value={toDate} onChange={(e) => onChange({ to: e.target.value })} />
      </Field.Root>
      {error && (
        <Text color="fg.error" fontSize="sm" role="alert">
          {error}
        </Text>
      )}
    </HStack>
  );
}
