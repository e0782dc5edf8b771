import { Alert, Button, Input, Separator, Stack, Text } from '@chakra-ui/react';
import { useEffect, useState } from 'react';
import type { ApiError } from '@shared/contract/errors';
import type { DesktopSetupBridge, DiscoveredHub } from '@shared/contract/desktop-bridge';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { AuthCard } from '@renderer/app/session/AuthCard';

/**
 * First start of the desktop app: this PC becomes the clinic hub, or it connects to the hub on
 * the LAN (found by mDNS and confirmed by its handshake, or an address an admin types).
 */
export function FirstRunScreen({ setup }: { setup: DesktopSetupBridge }) {
  const [hubs, setHubs] = useState<DiscoveredHub[] | null>(null);
  const [address, setAddress] = useState('');
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<ApiError | null>(null);
  const [restarting, setRestarting] = useState<string | null>(null);

  const search = () => {
    setHubs(null);
    void setup.discover().then(setHubs, () => setHubs([]));
  };
  useEffect(search, [setup]);

  const act = async (choice: () => Promise<{ ok: true } | { ok: false; error: ApiError }>, done: string) => {
    setBusy(true);
    setRefused(null);
    const reply = await choice();
    if (reply.ok) {
      setRestarting(done);
    } else {
      setRefused(reply.error);
      setBusy(false);
    }
  };
  const connected = 'Connected to the clinic hub. The app restarts to sign in…';

  return (
    <AuthCard title="Set up this computer" subtitle="Choose the role of this PC in the clinic." width="md">
      <Stack gap="5">
        <Stack gap="2">
          <Text fontWeight="semibold">Connect to the clinic hub</Text>
          {hubs === null && <Text color="fg.muted">Looking for the clinic hub on this network…</Text>}
          {hubs?.length === 0 && (
            <Text color="fg.muted">No hub answered on this network. Type its address below.</Text>
          )}
          {hubs?.map((hub) => (
            <Button
              key={hub.hubId}
              variant="outline"
              disabled={busy}
              onClick={() => void act(() => setup.connect(hub.url), connected)}
            >
              {hub.clinicName ?? 'Clinic hub'} — {hub.url}
            </Button>
          ))}
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void act(() => setup.connect(address), connected);
            }}
          >
            <Stack direction="row" gap="2">
              <Input
                aria-label="Hub address"
                aria-invalid={refused?.fields?.some((f) => f.field === 'address') || undefined}
                placeholder="192.168.1.20 or reception-pc:4810"
                value={address}
                onChange={(event) => setAddress(event.target.value)}
              />
              <Button type="submit" disabled={busy || address.trim() === ''}>
                Connect
              </Button>
            </Stack>
          </form>
          <Button variant="ghost" size="sm" alignSelf="start" onClick={search} disabled={busy}>
            Search again
          </Button>
        </Stack>
        <Separator />
        <Stack gap="2">
          <Text fontWeight="semibold">This PC is the clinic hub</Text>
          <Text color="fg.muted" fontSize="sm">
            Choose this on the reception PC that keeps the clinic’s data. Other desktops connect to it.
          </Text>
          <Button
            colorPalette="teal"
            disabled={busy}
            onClick={() =>
              void act(
                () => setup.becomeHub(),
                'This PC is now the clinic hub. The app restarts to set it up…',
              )
            }
          >
            Make this PC the hub
          </Button>
        </Stack>
        <ErrorMessage error={refused} />
        {restarting && (
          <Alert.Root status="success" role="status">
            <Alert.Indicator />
            <Alert.Title>{restarting}</Alert.Title>
          </Alert.Root>
        )}
      </Stack>
    </AuthCard>
  );
}
