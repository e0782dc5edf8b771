import { app, ipcMain, type WebContents } from 'electron';
import type { BridgeReply, DiscoveredHub } from '@shared/contract/desktop-bridge';
import { createDesktopSetup } from '@main/backend/desktop-setup-service';
import { IPC } from './ipc-channels';
import { isTrustedSender } from './security';

/**
 * The first-run choice over IPC (main/backend/desktop-setup-service.ts does the work): only the
 * app's own window may ask; a saved choice relaunches the app in that mode.
 */
export function installDesktopSetup(options: {
  configFile: string;
  deviceId: string;
  needed: boolean;
  ours: (contents: WebContents) => boolean;
}): void {
  const { ours } = options;
  const setup = createDesktopSetup({
    ...options,
    restart: () =>
      setTimeout(() => {
        app.relaunch();
        app.exit(0);
      }, 300),
  });
  const refused: BridgeReply<never> = { ok: false, error: { code: 'FORBIDDEN', message: 'Not allowed.' } };

  ipcMain.handle(IPC.setupNeeded, (event) => isTrustedSender(event, ours) && setup.needed());
  ipcMain.handle(IPC.setupDiscover, (event): Promise<DiscoveredHub[]> | [] =>
    isTrustedSender(event, ours) ? setup.discover() : [],
  );
  ipcMain.handle(IPC.setupBecomeHub, (event) => (isTrustedSender(event, ours) ? setup.becomeHub() : refused));
  ipcMain.handle(IPC.setupConnect, (event, address: unknown) =>
    isTrustedSender(event, ours) ? setup.connect(address) : refused,
  );
}
