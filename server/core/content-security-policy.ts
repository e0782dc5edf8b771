/**
 * The one Content-Security-Policy of the renderer, wherever it is served: by the desktop app's
 * app:// scheme (main/electron/app-protocol.ts) or by the hub's LAN port to a browser
 * (server/http/http-app.ts, through helmet). Scripts come from the app's own files only (no inline scripts);
 * styles need 'unsafe-inline' because Chakra UI (emotion) injects <style> elements at run time.
 */
export type RendererHost = 'desktop' | 'browser';

/** Each directive once, in the order they are sent. */
export function cspDirectives(host: RendererHost): readonly (readonly [string, string])[] {
  return [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['style-src', "'self' 'unsafe-inline'"],
    ['img-src', "'self' data: blob:"],
    ['font-src', "'self' data:"],
    // The desktop's page talks to main over IPC; a browser talks to the hub over Socket.IO.
    ['connect-src', host === 'browser' ? "'self' ws: wss:" : "'self'"],
    // Sounds from the app's own files or made in the page.
    ['media-src', "'self' data: blob:"],
    ['object-src', "'none'"],
    // PDFs the hub made (prescription, slip, receipt) are previewed in an iframe of a blob: URL.
    ['frame-src', "'self' blob:"],
    ['base-uri', "'none'"],
    // Every form is handled by the app; a native submission would only reload the page.
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
  ];
}

export function contentSecurityPolicy(host: RendererHost): string {
  return cspDirectives(host)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}
