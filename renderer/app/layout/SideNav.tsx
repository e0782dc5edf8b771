import { Box, Stack } from '@chakra-ui/react';
import { NavLink } from 'react-router';
import type { ScreenDef } from '@renderer/app/screens';

/**
 * The role's screens, in order; the current one is marked (aria-current) and highlighted. A
 * column beside the screen from `lg` up; rows under the top bar on narrower screens (tablets),
 * wrapping so that every screen stays one tap away.
 */
export function SideNav({ screens }: { screens: ScreenDef[] }) {
  return (
    <Box
      as="nav"
      aria-label="Main"
      bg="bg.nav"
      borderEndWidth={{ base: '0', lg: '1px' }}
      borderBottomWidth={{ base: '1px', lg: '0' }}
      py={{ base: '2', lg: '4' }}
      px="3"
      overflowY={{ base: 'visible', lg: 'auto' }}
    >
      <Stack
        as="ul"
        direction={{ base: 'row', lg: 'column' }}
        wrap={{ base: 'wrap', lg: 'nowrap' }}
        gap="1"
        listStyleType="none"
      >
        {screens.filter(inNav).map((screen) => (
          <Box as="li" key={screen.path} flexShrink="0" whiteSpace="nowrap" position="relative">
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
            {screen.navBadge && (
              <Box
                position="absolute"
                insetEnd="2"
                top="50%"
                transform="translateY(-50%)"
                pointerEvents="none"
              >
                {screen.navBadge}
              </Box>
            )}
          </Box>
        ))}
      </Stack>
    </Box>
  );
}

const inNav = (screen: ScreenDef) => !screen.hideInNav;
