import { ChakraProvider } from '@chakra-ui/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { ApiProvider } from '@renderer/api/ApiProvider';
import type { ClinicClient } from '@renderer/api/client';
import { LoadingState } from '@renderer/components/StateViews';
import { Toaster } from '@renderer/components/toaster';
import { ColorModeProvider } from './ColorModeProvider';
import { DesktopSetupGate } from './desktop/DesktopSetupGate';
import { AppLayout } from './layout/AppLayout';
import { SessionProvider, useSession } from './session/SessionProvider';
import { SetupScreen } from './session/SetupScreen';
import { SignInScreen } from './session/SignInScreen';
import { ShortcutProvider } from './shortcuts/ShortcutProvider';
import { system } from './theme';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Live updates come from the hub's pushes (useLiveInvalidation), not from polling.
      queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: true },
      mutations: { retry: 0 },
    },
  });
}

/** The staff desktop app: providers, then sign-in / first-run setup / the signed-in layout. */
export function App({ client, queryClient }: { client: ClinicClient; queryClient: QueryClient }) {
  return (
    <ChakraProvider value={system}>
      <ColorModeProvider>
        <QueryClientProvider client={queryClient}>
          <ApiProvider client={client}>
            <BrowserRouter>
              <ShortcutProvider>
                <DesktopSetupGate>
                  <SessionProvider>
                    <SessionGate />
                  </SessionProvider>
                </DesktopSetupGate>
              </ShortcutProvider>
            </BrowserRouter>
            <Toaster />
          </ApiProvider>
        </QueryClientProvider>
      </ColorModeProvider>
    </ChakraProvider>
  );
}

function SessionGate() {
  const { state } = useSession();
  switch (state.status) {
    case 'starting':
      return <LoadingState label="Connecting to the clinic hub…" />;
    case 'needsSetup':
      return <SetupScreen />;
    case 'signedOut':
      return <SignInScreen clinicName={state.clinicName} notice={state.notice} />;
    case 'signedIn':
      return <AppLayout />;
  }
}
