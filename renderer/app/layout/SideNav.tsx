import { Box, Stack } from '@chakra-ui/react';
import { NavLink } from 'react-router';
import type { ScreenDef } from '@renderer/app/screens';

/** The role's screens, in order; the current one is marked (aria-current) and highlighted. */
export function SideNav({ screens }: { screens: ScreenDef[] }) {
  return (
    <Box as="nav" aria-label="Main" bg="bg.nav" borderEndWidth="1px" py="4" px="3" overflowY="auto">
      <Stack as="ul" gap="1" listStyleType="none">
        {screens.filter(inNav).map((screen) => (
          <li key={screen.path}>
            <Box
              asChild
              display="block"
              px="3"
              py="2"
              borderRadius="md"
              fontWeight="medium"
              color="fg.muted"
              _hover={{ bg: 'bg.muted', color: 'fg' }}
              _currentPage={{ bg: 'nav.active', color: 'nav.activeFg', fontWeight: 'semibold' }}
              focusRing="outside"
            >
              <NavLink to={`/${screen.path}`}>{screen.label}</NavLink>
            </Box>
          </li>
        ))}
      </Stack>
    </Box>
  );
}

const inNav = (screen: ScreenDef) => !screen.hideInNav;
