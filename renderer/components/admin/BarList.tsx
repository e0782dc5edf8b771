import { Box, HStack, List, Text } from '@chakra-ui/react';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** What the value reads as, e.g. "₹1,200.00" or "4 visits" (the bar's text equivalent). */
  display: string;
}

/**
 * A horizontal bar chart from Chakra boxes: each bar is a list item whose text says everything
 * the bar shows (the boxes are decoration, hidden from screen readers).
 */
export function BarList({
  bars,
  label,
  palette = 'teal',
  labelWidth = '8rem',
}: {
  bars: Bar[];
  label: string;
  palette?: string;
  labelWidth?: string;
}) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <List.Root listStyle="none" aria-label={label} gap="1.5" colorPalette={palette}>
      {bars.map((bar) => (
        <List.Item key={bar.key}>
          <HStack gap="3" width="full">
            <Text fontSize="sm" minW={labelWidth} maxW={labelWidth} truncate>
              {bar.label}
            </Text>
            <Box flex="1" bg="bg.muted" borderRadius="sm" height="3" aria-hidden="true">
              <Box
                bg="colorPalette.solid"
                borderRadius="sm"
                height="full"
                width={`${(Math.max(0, bar.value) / max) * 100}%`}
              />
            </Box>
            <Text fontSize="sm" minW="6rem" textAlign="end" fontVariantNumeric="tabular-nums">
              {bar.display}
            </Text>
          </HStack>
        </List.Item>
      ))}
    </List.Root>
  );
}
