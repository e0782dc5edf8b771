/**
 * The headless hub (docs/architecture.md (Processes)): `npm run hub -- [--data-dir DIR] [--port N] [--host H]
 * [--gateway] [--gateway-port N] [--gateway-trust-proxy [HOPS|ADDRESSES]] [--gateway-tls-cert FILE --gateway-tls-key FILE]
 * [--gateway-cors-origin ORIGIN] [--companion-dir DIR] [--no-mdns] [--mdns-interface IF] [--host-name NAME] [--demo]
 * [--renderer-dir DIR]`,
 * plus `backup <file>` and `restore <file>`.
 * Logs are JSON lines on stdout (pino).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { busyPortMessage, isPortBusy } from '@main/backend/busy-port';
import { COMPANION_PAGE, defaultCompanionDir } from '@server/gateway/companion-static';
import { parseCorsOrigins } from '@server/gateway/gateway-cors';
import { DEFAULT_GATEWAY_PORT } from '@server/gateway/gateway-server';
import { parseTrustProxy, withBareTrustProxy } from '@server/gateway/gateway-trust-proxy';
import { defaultDataDir } from '@server/hub/data-dir';
import { type RunningHub, startHub, type StartHubOptions } from '@server/hub/hub-server';
import { backupDataDir, restoreDataDir } from '@server/hub/maintenance';
import { defaultRendererDir } from '@server/sync/static-files';

const usage = `Usage:
  npm run hub -- [--data-dir DIR] [--port N] [--host H] [--no-mdns] [--demo]
                 [--gateway] [--gateway-port N]
                                        (the patient app's gateway: off unless asked; --gateway
                                         opens it on 4820)
                 [--gateway-trust-proxy [ADDRESSES|HOPS]]
                                        (behind a reverse proxy or tunnel: the proxies' addresses
                                         or CIDRs, comma-separated, e.g. 10.0.0.5,10.1.0.0/16;
                                         alone: a proxy on this machine (loopback); or a number
                                         of hops, only if the port is reachable through them alone)
                 [--gateway-tls-cert FILE --gateway-tls-key FILE]
                                        (the gateway over HTTPS, PEM; re-read when renewed)
                 [--gateway-cors-origin ORIGIN]
                                        (allow cross-origin requests from it; repeat or
                                         comma-separate; none by default)
                 [--companion-dir DIR]  (the patients' app the gateway serves at its root;
                                         default: dist/companion when built)
                 [--renderer-dir DIR]   (browser mode; default: dist/renderer when built)
                 [--mdns-interface IF]  (advertise only there: a name like eth0 or an IPv4
                                         address; repeat or comma-separate for several)
                 [--host-name NAME]     (a further name the clinic reaches the hub by, e.g. in
                                         its router's DNS; the hub refuses other names)
  npm run hub -- backup <file> [--data-dir DIR]
  npm run hub -- restore <file> [--data-dir DIR]`;

const logger = pino({ name: 'clinic-hub' });

function fail(message: string): never {
  logger.error(message);
  process.exit(2);
}

function portOption(value: string | undefined, fallback: number | undefined, name: string) {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`--${name} must be a port number (0–65535)`);
  return port;
}

/** Browser mode: the given build folder, or this checkout's dist/renderer when it has been built. */
function rendererOption(value: string | undefined): { rendererDir?: string } {
  if (value !== undefined) {
    if (!existsSync(`${value}/index.html`)) fail(`--renderer-dir ${value} has no index.html`);
    return { rendererDir: value };
  }
  const dir = defaultRendererDir(fileURLToPath(new URL('..', import.meta.url)));
  return dir ? { rendererDir: dir } : {};
}

/** The companion app the gateway serves: the given build folder, or dist/companion when built. */
function companionOption(value: string | undefined): Pick<StartHubOptions, 'companionDir'> {
  if (value !== undefined) {
    if (!existsSync(`${value}/${COMPANION_PAGE}`)) fail(`--companion-dir ${value} has no ${COMPANION_PAGE}`);
    return { companionDir: value };
  }
  const dir = defaultCompanionDir(fileURLToPath(new URL('..', import.meta.url)));
  return dir ? { companionDir: dir } : {};
}

/**
 * The patient gateway opens only when asked (--gateway, on 4820, or --gateway-port N): it is the
 * one port meant to be reached from outside the clinic, so a hub never exposes it by surprise.
 */
function gatewayOption(values: {
  gateway?: boolean;
  'gateway-port'?: string;
  'gateway-trust-proxy'?: string;
  'gateway-tls-cert'?: string;
  'gateway-tls-key'?: string;
  'gateway-cors-origin'?: string[];
}): Pick<StartHubOptions, 'gatewayPort' | 'gatewayTrustProxy' | 'gatewayTls' | 'gatewayCorsOrigins'> {
  const cert = values['gateway-tls-cert'];
  const key = values['gateway-tls-key'];
  if (!values.gateway && values['gateway-port'] === undefined) {
    for (const flag of [
      'gateway-trust-proxy',
      'gateway-tls-cert',
      'gateway-tls-key',
      'gateway-cors-origin',
    ] as const) {
      if (values[flag]) fail(`--${flag} needs --gateway or --gateway-port`);
    }
    return {};
  }
  if ((cert === undefined) !== (key === undefined)) {
    fail('--gateway-tls-cert and --gateway-tls-key go together (the certificate and its key, PEM)');
  }
  let gatewayCorsOrigins: string[] = [];
  try {
    gatewayCorsOrigins = parseCorsOrigins(values['gateway-cors-origin'] ?? []);
  } catch (error) {
    fail((error as Error).message);
  }
  return {
    gatewayPort: portOption(values['gateway-port'], DEFAULT_GATEWAY_PORT, 'gateway-port'),
    ...trustProxyOption(values['gateway-trust-proxy']),
    ...(cert !== undefined && key !== undefined && { gatewayTls: { certFile: cert, keyFile: key } }),
    gatewayCorsOrigins,
  };
}

function trustProxyOption(value: string | undefined): Pick<StartHubOptions, 'gatewayTrustProxy'> {
  if (value === undefined) return {};
  try {
    return { gatewayTrustProxy: parseTrustProxy(value) };
  } catch (error) {
    fail((error as Error).message);
  }
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: withBareTrustProxy(process.argv.slice(2)),
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        gateway: { type: 'boolean', default: false },
        'gateway-port': { type: 'string' },
        'gateway-trust-proxy': { type: 'string' },
        'gateway-tls-cert': { type: 'string' },
        'gateway-tls-key': { type: 'string' },
        'gateway-cors-origin': { type: 'string', multiple: true },
        'no-mdns': { type: 'boolean', default: false },
        'mdns-interface': { type: 'string', multiple: true },
        'host-name': { type: 'string', multiple: true },
        demo: { type: 'boolean', default: false },
        'renderer-dir': { type: 'string' },
        'companion-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n${usage}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(usage);
    return;
  }
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const [command, file, ...extra] = positionals;

  if (command === 'backup' || command === 'restore') {
    if (!file || extra.length > 0) fail(usage);
    if (command === 'backup') {
      const output = await backupDataDir(dataDir, file);
      logger.info({ dataDir, backup: output }, `backup written to ${output}`);
    } else {
      if (!existsSync(dataDir)) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
      const { epoch } = restoreDataDir(dataDir, file);
      logger.info(
        { dataDir, epoch },
        `restored ${file}; new epoch ${epoch}: desktops will refetch everything when they reconnect`,
      );
    }
    return;
  }
  if (command !== undefined) fail(`unknown command ${command}\n${usage}`);

  // Installed before the start: a signal during the demo seeding stops it (and the process).
  const starting = new AbortController();
  let hub: RunningHub | undefined;
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    if (!hub) {
      starting.abort(new Error(`start-up interrupted by ${signal}`));
      return;
    }
    hub.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  // `on`, not `once`: a second signal (tsx relays the one a process group receives) is ignored
  // while stopping, instead of ending the process before the audit anchor is written.
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  const port = portOption(values.port, 4810, 'port')!;
  const host = values.host ?? '0.0.0.0';
  try {
    hub = await startHub({
      dataDir,
      port,
      host,
      ...gatewayOption(values),
      ...companionOption(values['companion-dir']),
      mdns: !values['no-mdns'],
      mdnsInterfaces: values['mdns-interface']?.flatMap((item) => item.split(',')),
      hostNames: values['host-name']?.flatMap((item) => item.split(',')) ?? [],
      demo: values.demo,
      logger,
      signal: starting.signal,
      ...rendererOption(values['renderer-dir']),
    });
  } catch (error) {
    if (isPortBusy(error)) {
      const message = await busyPortMessage(port, host, { portFlag: 'npm run hub -- --port' });
      process.stderr.write(`\n${message}\n\n`); // for the person at the terminal; the log stays JSON
      fail(message);
    }
    if (!starting.signal.aborted) throw error;
    logger.warn(
      { dataDir },
      'start-up interrupted; nothing of the demo clinic being seeded was kept: the next start with --demo seeds it again',
    );
    process.exit(0);
  }
  if (starting.signal.aborted) {
    // The signal came after the seeding, while the hub was opening its port.
    await hub.stop();
    process.exit(0);
  }
}

main().catch((error: unknown) => {
  logger.error({ err: error }, (error as Error).message ?? 'the hub failed');
  process.exit(1);
});
