import { HStack, Text } from '@chakra-ui/react';
import { DateField } from '@renderer/components/DateField';

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
      <DateField label="From" size="sm" horizontal value={fromDate} onChange={(from) => onChange({ from })} />
      <DateField label="To" size="sm" horizontal value={toDate} onChange={(to) => onChange({ to })} />
      {error && (
        <Text color="fg.error" fontSize="sm" role="alert">
          {error}
        </Text>
      )}
    </HStack>
  );
}
