import { Box, Text } from '@chakra-ui/react';

/** One headline figure; `testId` lets browser tests read the value. */
export function StatCard({
  label,
  value,
  help,
  testId,
}: {
  label: string;
  value: string;
  help?: string;
  testId: string;
}) {
  return (
    <Box bg="bg.panel" borderWidth="1px" borderRadius="lg" p="4" data-testid={testId}>
      <Text color="fg.muted" fontSize="sm">
        {label}
      </Text>
      <Text
        fontSize="2xl"
        fontWeight="semibold"
        fontVariantNumeric="tabular-nums"
        data-testid={`${testId}-value`}
      >
        {value}
      </Text>
      {help && (
        <Text color="fg.muted" fontSize="xs">
          {help}
        </Text>
      )}
    </Box>
  );
}
