import { app, ipcMain, type WebContents } from 'electron';
import type { BridgeReply, DiscoveredHub } from '@shared/contract/desktop-bridge';
import { type DesktopConfig, saveDesktopConfig } from '@main/backend/desktop-config';
import { checkHub, discoverHubs, normalizeHubAddress } from '@main/client-core/discovery/index';
import { IPC } from './ipc-channels';
import { isTrustedSender } from './security';

const HUB_PORT = 4810;

/**
 * The first-run choice (issue: desktop app): "this PC is the clinic hub" or "connect to the
 * clinic hub" (mDNS list + typed address, each confirmed by the hub's handshake). The choice is
 * saved and the app restarts in that mode.
 */
export function installDesktopSetup(options: {
  configFile: string;
  deviceId: string;
  needed: boolean;
  ours: (contents: WebContents) => boolean;
}): void {
  const { configFile, deviceId, ours } = options;
  const refused: BridgeReply<never> = { ok: false, error: { code: 'FORBIDDEN', message: 'Not allowed.' } };
  const choose = (config: DesktopConfig): BridgeReply<{ restarting: true }> => {
    saveDesktopConfig(configFile, config);
    setTimeout(() => {
      app.relaunch();
      app.exit(0);
    }, 300);
    return { ok: true, result: { restarting: true } };
  };

  ipcMain.handle(IPC.setupNeeded, (event) => isTrustedSender(event, ours) && options.needed);
  ipcMain.handle(IPC.setupDiscover, async (event): Promise<DiscoveredHub[]> => {
    if (!isTrustedSender(event, ours)) return [];
    const hubs = await discoverHubs({ identity: { deviceId } });
    return hubs.map((hub) => ({ url: hub.url, hubId: hub.hubId, clinicName: hub.clinicName ?? null }));
  });
  ipcMain.handle(IPC.setupBecomeHub, (event) => {
    if (!isTrustedSender(event, ours) || !options.needed) return refused;
    return choose({ mode: 'hub', port: HUB_PORT });
  });
  ipcMain.handle(IPC.setupConnect, async (event, address: unknown) => {
    if (!isTrustedSender(event, ours) || !options.needed) return refused;
    const parsed = normalizeHubAddress(typeof address === 'string' ? address : '');
    if (!parsed.ok) {
      return {
        ok: false,
        error: {
          code: 'VALIDATION',
          message: parsed.message,
          fields: [{ field: 'address', message: parsed.message }],
        },
      };
    }
    const outcome = await checkHub(parsed.url, { identity: { deviceId }, timeoutMs: 5_000 });
    if (!outcome.ok) {
      return {
        ok: false,
        error: {
          code: 'NOT_FOUND',
          message: outcome.message,
          fields: [{ field: 'address', message: outcome.message }],
        },
      };
    }
    return choose({
      mode: 'client',
      hubId: outcome.hello.hubId,
      lastGoodUrl: outcome.url,
      manualUrl: parsed.url,
    });
  });
}
