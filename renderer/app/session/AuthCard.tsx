import { Box, Card, Center, Heading, Text } from '@chakra-ui/react';
import type { ReactNode } from 'react';

/** The centred card of the sign-in, setup and lock screens. */
export function AuthCard({
  title,
  subtitle,
  width = 'sm',
  children,
}: {
  title: string;
  subtitle?: string | null;
  width?: 'sm' | 'md' | 'lg';
  children: ReactNode;
}) {
  return (
    <Center as="main" minH="100vh" px="4" py="10" bg="bg.canvas">
      <Card.Root width="full" maxW={width} variant="elevated">
        <Card.Header>
          <Box mb="1" color="colorPalette.fg" fontWeight="bold" letterSpacing="wide" fontSize="xs">
            CLINIC
          </Box>
          <Heading as="h1" size="xl">
            {title}
          </Heading>
          {subtitle && <Text color="fg.muted">{subtitle}</Text>}
        </Card.Header>
        <Card.Body>{children}</Card.Body>
      </Card.Root>
    </Center>
  );
}
