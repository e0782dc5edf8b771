import { Badge, Box, Button, Flex, HStack, IconButton, Text } from '@chakra-ui/react';
import { useClinicSettings } from '@renderer/app/clinic-format';
import { useColorMode } from '@renderer/app/ColorModeProvider';
import { ROLE_LABELS } from '@renderer/app/navigation';
import { useCurrentUser, useSession } from '@renderer/app/session/SessionProvider';
import { HelpIcon, LogOutIcon, MoonIcon, SunIcon } from '@renderer/components/icons';

export function TopBar({ onHelp }: { onHelp: () => void }) {
  const user = useCurrentUser();
  const { signOut } = useSession();
  const { colorMode, toggleColorMode } = useColorMode();
  const { data: settings } = useClinicSettings();
  const dark = colorMode === 'dark';
  return (
    <Flex as="header" align="center" gap="4" px="4" h="14" bg="bg.nav" borderBottomWidth="1px">
      <HStack gap="2" minW="0">
        <Box
          w="7"
          h="7"
          borderRadius="md"
          bg="colorPalette.solid"
          color="colorPalette.contrast"
          display="grid"
          placeItems="center"
          fontWeight="bold"
          aria-hidden="true"
        >
          +
        </Box>
        <Text fontWeight="semibold" fontSize="md" truncate>
          {settings?.clinicName ?? 'Clinic'}
        </Text>
      </HStack>
      <HStack gap="1" ms="auto">
        <IconButton
          variant="ghost"
          size="sm"
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
          onClick={onHelp}
        >
          <HelpIcon />
        </IconButton>
        <IconButton
          variant="ghost"
          size="sm"
          aria-label={dark ? 'Switch to light mode' : 'Switch to dark mode'}
          title={dark ? 'Light mode' : 'Dark mode'}
          data-testid="color-mode-toggle"
          onClick={toggleColorMode}
        >
          {dark ? <SunIcon /> : <MoonIcon />}
        </IconButton>
        <HStack gap="2" ps="3" ms="2" borderStartWidth="1px" data-testid="current-user">
          <Text fontWeight="medium">{user.displayName}</Text>
          <Badge variant="subtle" colorPalette="teal">
            {ROLE_LABELS[user.role]}
          </Badge>
        </HStack>
        <Button variant="ghost" size="sm" onClick={() => void signOut()}>
          <LogOutIcon /> Sign out
        </Button>
      </HStack>
    </Flex>
  );
}
