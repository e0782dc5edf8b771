import { ChakraProvider } from '@chakra-ui/react';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { SessionProvider, useSession } from './api/session';
import { AppShell } from './shell/AppShell';
import { paths } from './shell/routes';
import { ScreenSkeleton } from './shell/ScreenSkeleton';
import { companionSystem } from './theme';

// Each area is its own chunk, fetched on first visit: the first screen downloads only itself.
const AuthRoutes = lazy(() => import('./screens/auth/AuthRoutes'));
const HomeScreen = lazy(() => import('./screens/home/HomeScreen'));
const BookingRoutes = lazy(() => import('./screens/booking/BookingRoutes'));
const AppointmentsRoutes = lazy(() => import('./screens/appointments/AppointmentsRoutes'));
const RecordsRoutes = lazy(() => import('./screens/records/RecordsRoutes'));
const InboxScreen = lazy(() => import('./screens/inbox/InboxScreen'));
const ProfileScreen = lazy(() => import('./screens/profile/ProfileScreen'));
const WaitlistRoutes = lazy(() => import('./screens/waitlist/WaitlistRoutes'));

/** Signed-in screens only with a session; otherwise the welcome screen, then back here. */
function RequireSession() {
  const { session } = useSession();
  const location = useLocation();
  if (!session) return <Navigate to={paths.welcome} replace state={{ from: location.pathname }} />;
  return <AppShell />;
}

function CompanionRoutes() {
  return (
    <Suspense fallback={<ScreenSkeleton />}>
      <Routes>
        <Route element={<RequireSession />}>
          <Route index element={<HomeScreen />} />
          <Route path={`${paths.book}/*`} element={<BookingRoutes />} />
          <Route path={`${paths.appointments}/*`} element={<AppointmentsRoutes />} />
          <Route path={`${paths.records}/*`} element={<RecordsRoutes />} />
          <Route path={paths.inbox} element={<InboxScreen />} />
          <Route path={paths.profile} element={<ProfileScreen />} />
          <Route path={`${paths.waitlist}/*`} element={<WaitlistRoutes />} />
        </Route>
        <Route path="*" element={<AuthRoutes />} />
      </Routes>
    </Suspense>
  );
}

export function CompanionApp({ queryClient }: { queryClient: QueryClient }) {
  return (
    <ChakraProvider value={companionSystem}>
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <BrowserRouter>
            <CompanionRoutes />
          </BrowserRouter>
        </SessionProvider>
      </QueryClientProvider>
    </ChakraProvider>
  );
}
