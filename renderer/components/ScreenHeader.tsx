import { Flex, Heading, HStack, Text } from '@chakra-ui/react';
import type { ReactNode } from 'react';

/** The title row of every screen (an <h1>, so each screen has one), with optional actions. */
export function ScreenHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: string;
  actions?: ReactNode;
}) {
  return (
    <Flex align="center" justify="space-between" gap="4" mb="5" wrap="wrap">
      <div>
        <Heading as="h1" size="xl" fontWeight="semibold">
          {title}
        </Heading>
        {description && (
          <Text color="fg.muted" mt="1">
            {description}
          </Text>
        )}
      </div>
      {actions && <HStack gap="2">{actions}</HStack>}
    </Flex>
  );
}
