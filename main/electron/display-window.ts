import { hostname } from 'node:os';
import { app, BrowserWindow, dialog, type WebContents } from 'electron';
import {
  type DisplayKeeper,
  type DisplayLaunch,
  isDisplayPage,
  startDisplayKeeper,
} from '@main/backend/display-mode';

/**
 * A desktop started with `--display` (main/backend/display-mode.ts decides everything): one
 * full-screen kiosk window on the hub's `/display`, no staff app, no bridge. The page may go
 * nowhere but its hub's display page; loads that fail send the keeper looking again.
 */
export function runAsDisplay(
  launch: Exclude<DisplayLaunch, { display: false }>,
  options: { deviceId: string; logger: { warn(details: object, message: string): void } },
): void {
  if ('error' in launch) {
    dialog.showErrorBox('Clinic could not start as a waiting-room display', launch.error);
    app.exit(2);
    return;
  }
  const window = new BrowserWindow({
    kiosk: true,
    fullscreen: true,
    autoHideMenuBar: true,
    title: 'Waiting room',
    backgroundColor: '#0b1220',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  const keeper: DisplayKeeper = startDisplayKeeper({
    plan: launch.plan,
    identity: { deviceId: options.deviceId, deviceName: hostname() },
    load: (url) => {
      window.loadURL(url).catch(() => keeper.pageFailed());
    },
    logger: options.logger,
  });
  const contents = window.webContents;
  contents.on('did-fail-load', (_event, _code, _description, _url, isMainFrame) => {
    if (isMainFrame) keeper.pageFailed();
  });
  contents.on('render-process-gone', () => keeper.pageFailed());
  window.on('closed', () => keeper.stop());
  lockDownDisplay(contents, () => keeper.current());
}

/** The display page navigates nowhere else, opens no windows and attaches no webviews. */
function lockDownDisplay(contents: WebContents, hub: () => string | null): void {
  const refuse = (event: { preventDefault(): void }, url: string) => {
    if (!isDisplayPage(url, hub())) event.preventDefault();
  };
  contents.on('will-navigate', refuse);
  contents.on('will-redirect', refuse);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
