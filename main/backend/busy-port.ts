import { checkHub } from '@main/client-core/discovery/hello-check';

/** A start-up that failed because the LAN sync port is taken (EADDRINUSE from listen). */
export function isPortBusy(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'EADDRINUSE';
}

/**
 * What to tell the person starting a hub whose port is taken: which port, whether a clinic hub
 * already answers there (its `hello`), and how to choose another. `portFlag` is how they choose
 * one: `--port` for `npm run hub`; the desktop app's hub settings for Electron.
 */
export async function busyPortMessage(
  port: number,
  host: string,
  options: { portFlag?: string; timeoutMs?: number } = {},
): Promise<string> {
  const probeHost = host === '0.0.0.0' || host === '::' || host === '' ? '127.0.0.1' : host;
  const url = `http://${probeHost.includes(':') ? `[${probeHost}]` : probeHost}:${port}`;
  const outcome = await checkHub(url, {
    identity: { deviceId: 'port-check', deviceName: 'port check' },
    timeoutMs: options.timeoutMs ?? 2_000,
  });
  const choose =
    options.portFlag === undefined
      ? 'choose another port in the hub settings'
      : `start it on another port with ${options.portFlag} ${port === 65_535 ? port - 1 : port + 1}`;
  const what = outcome.ok
    ? `A clinic hub is already running there (hub ${outcome.hello.hubId}, ${url}/): use it, or stop it first`
    : outcome.reason === 'incompatible'
      ? 'A clinic hub of another version is running there: stop it first'
      : outcome.reason === 'unreachable'
        ? 'Another program holds it (no clinic hub answers there): stop that program'
        : 'Another program answers there, not a clinic hub: stop that program';
  return `Port ${port} is already in use on ${host}. ${what}, or ${choose}.`;
}
