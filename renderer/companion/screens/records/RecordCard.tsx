import { Box, Flex, Text } from '@chakra-ui/react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A tappable row of a records list: the whole card is one link (a 44 px+ target). */
export function RecordCard({ to, title, children }: { to: string; title: ReactNode; children?: ReactNode }) {
  return (
    <Box as="li" listStyleType="none">
      <Link to={to}>
        <Flex
          direction="column"
          gap="1"
          minH="56px"
          p="3"
          borderWidth="1px"
          borderRadius="md"
          bg="bg.panel"
          _hover={{ borderColor: 'teal.600' }}
        >
          <Text fontWeight="semibold">{title}</Text>
          {children}
        </Flex>
      </Link>
    </Box>
  );
}
