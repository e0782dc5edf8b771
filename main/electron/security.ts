import type { IpcMainInvokeEvent, WebContents, WebPreferences } from 'electron';
import { contentSecurityPolicy } from '@server/core/content-security-policy';

/** The renderer is served from this private scheme, never from a web origin or file://. */
export const APP_SCHEME = 'app';
const APP_HOST = 'clinic';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The renderer's one policy (server/core/content-security-policy.ts); the page talks to main over IPC. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy('desktop');

/** docs/architecture.md (Security invariants): isolated, sandboxed, no Node in the page; only the preload's typed bridge. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: true,
  };
}

/** Navigation away from the app, new windows and <webview> are all refused. */
export function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function isAppUrl(url: string): boolean {
  try {
    // Node's URL gives non-special schemes an opaque origin ("null"), so compare the parts.
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** IPC is answered only for the app's own top frame in one of our windows. */
export function isTrustedSender(
  event: IpcMainInvokeEvent,
  trusted: (contents: WebContents) => boolean,
): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return trusted(event.sender) && isAppUrl(frame.url);
}
