import type { BridgeReply, DiscoveredHub } from '@shared/contract/desktop-bridge';
import { type DesktopConfig, saveDesktopConfig } from '@main/backend/desktop-config';
import { checkHub, discoverHubs, normalizeHubAddress } from '@main/client-core/discovery/index';

const HUB_PORT = 4810;

type Choice = BridgeReply<{ restarting: true }>;

export interface DesktopSetupService {
  needed(): boolean;
  discover(): Promise<DiscoveredHub[]>;
  becomeHub(): Choice;
  connect(address: unknown): Promise<Choice>;
}

/**
 * The first-run choice (issue: desktop app), without Electron: "this PC is the clinic hub" or
 * "connect to the clinic hub" (an mDNS list or a typed address, each confirmed by the hub's
 * handshake). The choice is saved to `configFile`, then `restart` starts the app in that mode.
 * Once a choice is saved, further choices are refused.
 */
export function createDesktopSetup(options: {
  configFile: string;
  deviceId: string;
  needed: boolean;
  restart: () => void;
  /** The hubs found on the LAN (default: mDNS browse + handshake). */
  discover?: () => Promise<DiscoveredHub[]>;
}): DesktopSetupService {
  const { configFile, deviceId } = options;
  let needed = options.needed;
  const refused: Choice = {
    ok: false,
    error: { code: 'FORBIDDEN', message: 'This computer is already set up.' },
  };
  const choose = (config: DesktopConfig): Choice => {
    saveDesktopConfig(configFile, config);
    needed = false;
    options.restart();
    return { ok: true, result: { restarting: true } };
  };
  const addressRefused = (code: 'VALIDATION' | 'NOT_FOUND', message: string): Choice => ({
    ok: false,
    error: { code, message, fields: [{ field: 'address', message }] },
  });

  return {
    needed: () => needed,
    async discover() {
      if (options.discover) return options.discover();
      const hubs = await discoverHubs({ identity: { deviceId } });
      return hubs.map((hub) => ({ url: hub.url, hubId: hub.hubId, clinicName: hub.clinicName ?? null }));
    },
    becomeHub() {
      if (!needed) return refused;
      return choose({ mode: 'hub', port: HUB_PORT });
    },
    async connect(address) {
      if (!needed) return refused;
      const parsed = normalizeHubAddress(typeof address === 'string' ? address : '');
      if (!parsed.ok) return addressRefused('VALIDATION', parsed.message);
      const outcome = await checkHub(parsed.url, { identity: { deviceId }, timeoutMs: 5_000 });
      if (!outcome.ok) return addressRefused('NOT_FOUND', outcome.message);
      // Another window may have chosen while the handshake ran.
      if (!needed) return refused;
      return choose({
        mode: 'client',
        hubId: outcome.hello.hubId,
        lastGoodUrl: outcome.url,
        manualUrl: parsed.url,
      });
    },
  };
}
