import { hostname } from 'node:os';
import { join } from 'node:path';
import { app, type BrowserWindow, dialog, ipcMain, screen, session, type WebContents } from 'electron';
import electronUpdater from 'electron-updater';
import pino from 'pino';
import type { DesktopBackend } from '@shared/contract/desktop-bridge';
import { startHub } from '@server/hub/hub-server';
import { busyPortMessage, isPortBusy } from '@main/backend/busy-port';
import { createClientBackend } from '@main/backend/client-backend';
import { loadOrCreateDeviceId } from '@main/backend/device-identity';
import { type DesktopConfig, loadDesktopConfig } from '@main/backend/desktop-config';
import { DISPLAY_CHROMIUM_SWITCHES, displayLaunch } from '@main/backend/display-mode';
import { createHubBackend } from '@main/backend/hub-backend';
import { installAppMenu } from './app-menu';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { installDesktopSetup } from './desktop-setup';
import { runAsDisplay } from './display-window';
import { IPC } from './ipc-channels';
import { installIpcBridge } from './ipc-bridge';
import { printPdf } from './print-pdf';
import { APP_ORIGIN, isTrustedSender, lockDownContents, secureWebPreferences } from './security';
import { openRememberedWindow } from './window';

const logger = pino({ name: 'clinic-desktop' });
const userData = app.getPath('userData');
const configFile = join(userData, 'desktop.json');
const distDir = join(import.meta.dirname, '..');

registerAppScheme();
app.enableSandbox();
// `--display`: a waiting-room display instead of the staff app (main/backend/display-mode.ts).
const launch = displayLaunch(process.argv, loadDesktopConfig(configFile));
if (launch.display) {
  for (const [name, value] of DISPLAY_CHROMIUM_SWITCHES) app.commandLine.appendSwitch(name, value);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  if (!launch.display) app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
  app.on('window-all-closed', () => app.quit());

  app
    .whenReady()
    .then(async () => {
      serveRenderer(join(distDir, 'renderer'));
      session.defaultSession.setPermissionRequestHandler((_contents, _permission, decide) => decide(false));
      installAppMenu();
      const ours = (contents: WebContents) => contents === mainWindow?.webContents;

      const config = loadDesktopConfig(configFile);
      const deviceId = loadOrCreateDeviceId(join(userData, 'device-id'));
      if (launch.display) {
        // A hub PC shown as a display still runs the clinic's hub.
        const hub = config?.mode === 'hub' ? await startBackend(config, deviceId) : null;
        app.on('before-quit', () => void hub?.close());
        runAsDisplay(launch, { deviceId, logger });
        return;
      }
      const backend = config ? await startBackend(config, deviceId) : null;
      const bridge = backend ? installIpcBridge(backend, ours) : null;
      installDesktopSetup({ configFile, deviceId, needed: !config, ours });
      ipcMain.handle(IPC.printPdf, (event, base64: unknown, title: unknown) =>
        isTrustedSender(event, ours) && typeof base64 === 'string'
          ? printPdf(base64, typeof title === 'string' ? title : 'document')
          : { printed: false, reason: 'Not allowed.' },
      );

      mainWindow = openRememberedWindow({
        stateFile: join(userData, 'window.json'),
        displays: screen.getAllDisplays().map((display) => display.workArea),
        webPreferences: secureWebPreferences(join(distDir, 'main', 'preload.cjs')),
      });
      const detach = bridge?.attach(mainWindow.webContents);
      mainWindow.on('closed', () => {
        detach?.();
        mainWindow = null;
      });
      await mainWindow.loadURL(`${APP_ORIGIN}/`);

      app.on('before-quit', () => {
        bridge?.dispose();
        void backend?.close();
      });
      if (app.isPackaged) {
        electronUpdater.autoUpdater.logger = logger;
        electronUpdater.autoUpdater.checkForUpdatesAndNotify().catch((error: unknown) => {
          logger.warn({ err: error }, 'update check failed');
        });
      }
    })
    .catch((error: unknown) => {
      logger.fatal({ err: error }, 'the desktop app could not start');
      app.exit(1);
    });
}

async function startBackend(config: DesktopConfig, deviceId: string): Promise<DesktopBackend> {
  if (config.mode === 'hub') {
    const hub = await startHub({
      dataDir: join(userData, 'hub'),
      port: config.port,
      host: '0.0.0.0',
      mdns: true,
      rendererDir: join(distDir, 'renderer'),
      logger,
    }).catch(async (error: unknown) => {
      if (!isPortBusy(error)) throw error;
      const message = await busyPortMessage(config.port, '0.0.0.0');
      dialog.showErrorBox('Clinic could not start its hub', message);
      throw new Error(message, { cause: error });
    });
    return createHubBackend(hub, deviceId, hostname());
  }
  return createClientBackend({
    dataDir: join(userData, 'client'),
    config,
    configFile,
    deviceId,
    deviceName: hostname(),
    logger,
  });
}
