import { Box, Heading } from '@chakra-ui/react';
import type { ReactNode } from 'react';

/** A titled section on a panel background (its heading is an h2 under the screen's h1). */
export function Panel({
  title,
  children,
  actions,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <Box as="section" bg="bg.panel" borderWidth="1px" borderRadius="lg" p="4" aria-label={title}>
      <Box display="flex" justifyContent="space-between" alignItems="center" gap="3" mb="3">
        <Heading as="h2" size="md">
          {title}
        </Heading>
        {actions}
      </Box>
      {children}
    </Box>
  );
}
