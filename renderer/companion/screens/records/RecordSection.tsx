import { Box, Heading } from '@chakra-ui/react';
import type { ReactNode } from 'react';

/** A titled part of a record's page (a visit's prescription, a bill's payments). */
export function RecordSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box as="section" borderWidth="1px" borderRadius="md" p="3" bg="bg.panel">
      <Heading as="h3" size="md" mb="2">
        {title}
      </Heading>
      {children}
    </Box>
  );
}
