import { Box, Heading, HStack, SimpleGrid, Stat } from '@chakra-ui/react';
import { useApiQuery } from '@renderer/api/hooks';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { money } from './bill-format';

/** Today's collection by payment mode, refunds subtracted (docs/product.md §9). */
export function DailyCollection({ date, label }: { date: string; label: string }) {
  const report = useApiQuery('billing.dailyCollection', { date });
  const r = report.data;
  const stats: [string, number | undefined][] = [
    ['Cash', r?.byMode.cash],
    ['Card', r?.byMode.card],
    ['UPI', r?.byMode.upi],
    ['Refunds', r ? -r.refunds : undefined],
    ['Total', r?.total],
  ];
  return (
    <Box
      bg="bg.panel"
      borderWidth="1px"
      borderRadius="lg"
      p="4"
      mb="5"
      as="section"
      aria-label="Daily collection"
    >
      <HStack justify="space-between" mb="2">
        <Heading as="h2" size="md">
          Collection {label}
        </Heading>
      </HStack>
      <ErrorMessage error={report.error} />
      <SimpleGrid columns={{ base: 3, md: 5 }} gap="3">
        {stats.map(([name, value]) => (
          <Stat.Root key={name} size="sm">
            <Stat.Label>{name}</Stat.Label>
            <Stat.ValueText fontSize="lg" data-testid={`collection-${name.toLowerCase()}`}>
              {value === undefined ? '…' : money(Math.abs(value) === 0 ? 0 : value)}
            </Stat.ValueText>
          </Stat.Root>
        ))}
      </SimpleGrid>
    </Box>
  );
}
