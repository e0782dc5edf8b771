import { Box, Grid } from '@chakra-ui/react';
import { useEffect, useState } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useLiveInvalidation } from '@renderer/api/live-invalidation';
import { useClinicSettings } from '@renderer/app/clinic-format';
import { screensFor, searchScreenFor } from '@renderer/app/navigation';
import { LockScreen } from '@renderer/app/session/LockScreen';
import { useCurrentUser } from '@renderer/app/session/SessionProvider';
import { useIdleLock } from '@renderer/app/session/useIdleLock';
import { ShortcutHelpDialog } from '@renderer/app/shortcuts/ShortcutHelpDialog';
import { useShortcut } from '@renderer/app/shortcuts/ShortcutProvider';
import type { ScreenDef } from '@renderer/app/screens';
import { EmptyState } from '@renderer/components/StateViews';
import { SideNav } from './SideNav';
import { StatusBar } from './StatusBar';
import { TopBar } from './TopBar';

/** The signed-in app: top bar, the role's navigation, the current screen, the status bar. */
export function AppLayout() {
  const user = useCurrentUser();
  const screens = screensFor(user.role);
  const { data: settings } = useClinicSettings();
  const { locked, unlock } = useIdleLock(settings?.screenLockMinutes ?? 10);
  const [helpOpen, setHelpOpen] = useState(false);
  useLiveInvalidation();
  useGlobalShortcuts(searchScreenFor(user.role), () => setHelpOpen(true));
  useStartFieldFocus();

  if (locked) return <LockScreen onUnlocked={unlock} />;
  const home = screens[0];
  return (
    // Below `lg` (tablets in portrait) the navigation is a row under the top bar, so the screen
    // keeps the full width.
    <Grid
      templateRows={{ base: 'auto auto 1fr auto', lg: 'auto 1fr auto' }}
      templateColumns={{ base: '1fr', lg: '13rem 1fr' }}
      h="100vh"
      overflow="hidden"
    >
      <Box asChild gridColumn="1 / -1">
        <div>
          <a href="#main" className="skip-link">
            Skip to content
          </a>
          <TopBar onHelp={() => setHelpOpen(true)} />
        </div>
      </Box>
      <SideNav screens={screens} />
      <Box
        as="main"
        id="main"
        tabIndex={-1}
        overflowY="auto"
        px={{ base: '5', lg: '8' }}
        py={{ base: '4', lg: '6' }}
        outline="none"
      >
        <Routes>
          {home && <Route index element={<Navigate to={`/${home.path}`} replace />} />}
          {screens.map((screen) => (
            <Route key={screen.path} path={`${screen.path}/*`} element={screen.element} />
          ))}
          <Route
            path="*"
            element={<EmptyState title="Page not found" description="Choose a screen on the left." />}
          />
        </Routes>
      </Box>
      <Box gridColumn="1 / -1">
        <StatusBar />
      </Box>
      {screens.map((screen) => screen.shortcut && <ScreenShortcut key={screen.path} screen={screen} />)}
      <ShortcutHelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </Grid>
  );
}

/** "?" help, and "/" or Ctrl+K: the screen's search box, or the role's search screen. */
function useGlobalShortcuts(searchPath: string, openHelp: () => void) {
  const navigate = useNavigate();
  useShortcut('?', openHelp, { description: 'Show keyboard shortcuts', group: 'Everywhere' });
  useShortcut(
    ['mod+k', '/'],
    () => {
      if (!focusSearch()) {
        void navigate(`/${searchPath}`);
        focusSoon(focusSearch);
      }
    },
    { description: 'Search', group: 'Everywhere' },
  );
}

/** A screen's own opening shortcut (Alt+N: Book, Alt+C: Queue, …); the cursor goes to its first field. */
function ScreenShortcut({ screen }: { screen: ScreenDef }) {
  const navigate = useNavigate();
  useShortcut(
    screen.shortcut?.keys ?? [],
    () => void navigate(`/${screen.path}`, { state: { focus: 'start' } }),
    { description: screen.shortcut?.description ?? screen.label, group: 'Everywhere' },
  );
  return null;
}

/**
 * After a screen shortcut, once the new screen is shown: focuses its first field
 * (`data-shortcut="start"`, else its search box), so the receptionist types straight away.
 */
function useStartFieldFocus() {
  const location = useLocation();
  const wanted = (location.state as { focus?: string } | null)?.focus === 'start';
  useEffect(() => {
    if (wanted) focusSoon(() => focusFirst('[data-shortcut="start"]') || focusSearch());
  }, [location.key, wanted]);
}

function focusFirst(selector: string): boolean {
  const field = document.querySelector<HTMLElement>(selector);
  field?.focus();
  return !!field;
}

/** Focuses the current screen's search box (`data-shortcut="search"`), if it has one. */
function focusSearch(): boolean {
  return focusFirst('[data-shortcut="search"]');
}

/** Tries `focus` until it succeeds (the screen may still be loading), for up to a second. */
function focusSoon(focus: () => boolean, tries = 20): void {
  if (tries === 0 || focus()) return;
  setTimeout(() => focusSoon(focus, tries - 1), 50);
}
