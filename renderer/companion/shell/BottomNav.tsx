import { Badge, Box, Flex, Text } from '@chakra-ui/react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { paths } from './routes';

const ITEMS = [
  { to: paths.home, key: 'home', glyph: '⌂' },
  { to: paths.book, key: 'book', glyph: '+' },
  { to: paths.appointments, key: 'appointments', glyph: '▦' },
  { to: paths.records, key: 'records', glyph: '☰' },
  { to: paths.inbox, key: 'inbox', glyph: '✉' },
  { to: paths.profile, key: 'profile', glyph: '◉' },
] as const;

/** The bar at the bottom of every signed-in screen: six places, each a 44 px+ target. */
export function BottomNav({ unread = 0 }: { unread?: number }) {
  const { t } = useTranslation();
  return (
    <Box
      as="nav"
      aria-label={t('appName')}
      position="sticky"
      bottom="0"
      bg="bg.panel"
      borderTopWidth="1px"
      pb="env(safe-area-inset-bottom)"
    >
      <Flex as="ul" listStyleType="none" m="0" p="0">
        {ITEMS.map((item) => (
          <Box as="li" key={item.key} flex="1">
            <NavLink to={item.to} end={item.to === paths.home}>
              {({ isActive }) => (
                <Flex
                  direction="column"
                  align="center"
                  justify="center"
                  minH="56px"
                  color={isActive ? 'teal.800' : 'fg.muted'}
                  bg={isActive ? 'teal.50' : undefined}
                  fontWeight={isActive ? 'semibold' : 'normal'}
                  position="relative"
                >
                  <Text as="span" aria-hidden fontSize="lg" lineHeight="1">
                    {item.glyph}
                  </Text>
                  <Text as="span" fontSize="xs">
                    {t(`nav.${item.key}`)}
                  </Text>
                  {item.key === 'inbox' && unread > 0 && (
                    <Badge
                      position="absolute"
                      top="1"
                      right="2"
                      colorPalette="red"
                      variant="solid"
                      borderRadius="full"
                      data-testid="unread-badge"
                    >
                      {unread}
                    </Badge>
                  )}
                </Flex>
              )}
            </NavLink>
          </Box>
        ))}
      </Flex>
    </Box>
  );
}
