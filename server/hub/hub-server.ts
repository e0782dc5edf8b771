import { mkdirSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import pino, { type Logger } from 'pino';
import { type Clock, systemClock } from '@server/core/clock';
import { createDispatcher, type Dispatcher } from '@server/core/dispatcher';
import type { AuditGuard } from '@server/core/audit-guard';
import { HubCore } from '@server/core/hub-core';
import { type Db, openDatabase } from '@server/db/database';
import { handlers } from '@server/handlers/registry';
import { createGateway, type Gateway, type GatewayOptions } from '@server/gateway/gateway-server';
import type { TlsFiles } from '@server/gateway/gateway-tls';
import { describeTrustProxy, type TrustProxy } from '@server/gateway/gateway-trust-proxy';
import { createSocketEndpoint, type SocketEndpoint } from '@server/sync/socket-endpoint';
import { seedDemoDataDir } from '@server/demo/demo-staging';
import { advertiseHub } from '@server/discovery/mdns-advertiser';
import { type DeliveryOptions, DeliveryWorker } from '@server/notifications/delivery-worker';
import { ensureVapidKeys } from '@server/notifications/push-keys.repository';
import { type PushOptions, PushSender } from '@server/notifications/push-sender';
import { loadAuditKey } from './audit-key';
import { assertPortFree } from './port-check';
import { auditAnchorFile, databaseFile } from './data-dir';
import { lockDataDir } from './pid-file';

export interface StartHubOptions {
  dataDir: string;
  /** The LAN sync port (0: any free port; the actual one is returned). */
  port: number;
  host: string;
  /**
   * The patient gateway (server/gateway/): its port (0: any free port) on `host`; not started
   * when left out. The CLI starts it on 4820 unless given --no-gateway.
   */
  gatewayPort?: number;
  /** The proxies in front of the gateway whose X-Forwarded-For is believed (none by default). */
  gatewayTrustProxy?: TrustProxy;
  /** The gateway over HTTPS with this PEM pair, re-read when the files change (a renewal). */
  gatewayTls?: TlsFiles;
  /** Origins the gateway allows cross-origin requests from; none by default. */
  gatewayCorsOrigins?: readonly string[];
  /** The built companion app the gateway serves at its root (dist/companion); API only without. */
  companionDir?: string;
  /** The gateway's per-address request limits (gateway-server.ts defaults without). */
  gatewayLimits?: Pick<GatewayOptions, 'limit' | 'authLimit' | 'signUpLimit'>;
  /** Advertise the hub on the LAN by mDNS as `_clinic-hub._tcp` (server/discovery/). */
  mdns: boolean;
  /** Interface names or IPv4 addresses to advertise on (default: the LAN interfaces of `host`). */
  mdnsInterfaces?: readonly string[];
  /** Seed the demo clinic first, when the data directory has not been set up yet. */
  demo?: boolean;
  /** Aborts the start-up (the demo seeding stops; startHub rejects and releases everything). */
  signal?: AbortSignal;
  clock?: Clock;
  logger?: Logger;
  /** Check every result against the contract (tests). */
  validateResults?: boolean;
  /** Browser mode: serve this renderer build on the sync port (see server/sync/static-files.ts). */
  rendererDir?: string;
  /**
   * Names the clinic reaches the hub by besides its own (machine name, mDNS name, addresses):
   * requests naming any other host are refused (server/sync/own-hosts.ts).
   */
  hostNames?: readonly string[];
  /** The outbox's delivery worker (server/notifications/delivery-worker.ts); false: not started. */
  delivery?: DeliveryOptions | false;
  /**
   * Web Push to patients' phones (server/notifications/push-sender.ts); the VAPID key pair is
   * made on the first start either way. false: no pushes are sent.
   */
  push?: PushOptions | false;
}

export interface RunningHub {
  /** The sync URL on this machine. */
  url: string;
  /** The sync URLs desktops on the LAN can use. */
  lanUrls: string[];
  port: number;
  /** The patient gateway's port and URL on this machine; null when it was not started. */
  gateway: { port: number; url: string } | null;
  /** The HTTP routes each port serves, "METHOD /path" (the gateway's allowlist test). */
  routes(): { lan: string[]; gateway: string[] };
  core: HubCore;
  dispatcher: Dispatcher;
  /** Sends the outbox after commit; null when started with `delivery: false`. */
  delivery: DeliveryWorker | null;
  /** Sends Web Push after commit; null when started with `push: false`. */
  push: PushSender | null;
  /** Disconnects clients, closes the port and the database, releases the data directory. */
  stop(): Promise<void>;
}

/**
 * Starts a hub on a data directory: `clinic.db` (integrity-checked and migrated on open),
 * `audit.key`, and `hub.pid` while it runs. Same code headless (`npm run hub`) and in Electron.
 */
export async function startHub(options: StartHubOptions): Promise<RunningHub> {
  const logger = options.logger ?? pino({ name: 'clinic-hub' });
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const lock = lockDataDir(options.dataDir);
  let db: Db | undefined;
  let endpoint: SocketEndpoint | undefined;
  let gateway: Gateway | undefined;
  let guard: AuditGuard | null = null;
  try {
    const auditKey = loadAuditKey(options.dataDir);
    // A busy port is reported now, not after the minute the demo takes to seed.
    if (options.demo && options.port !== 0) await assertPortFree(options.port, options.host);
    // Seeded aside and moved into place when complete: an interrupted seeding keeps nothing.
    const seeded = options.demo
      ? await seedDemoDataDir(options.dataDir, {
          auditKey: auditKey.key,
          now: (options.clock ?? systemClock).now(),
          logger,
          signal: options.signal,
        })
      : null;
    db = openDatabase(databaseFile(options.dataDir));
    if (auditKey.created && !seeded && db.sqlite.prepare('SELECT 1 FROM audit_log LIMIT 1').get()) {
      logger.error(
        { dataDir: options.dataDir },
        'audit.key was missing and a new one was created: existing audit entries will not verify. ' +
          'Restore the original audit.key from a backup of this data directory.',
      );
    }
    const core = new HubCore({
      db,
      auditKey: auditKey.key,
      clock: options.clock ?? systemClock,
      logger,
      validateResults: options.validateResults ?? false,
      auditAnchorFile: auditAnchorFile(options.dataDir),
    });
    guard = core.auditGuard;
    guard?.start();
    const dispatcher = createDispatcher(core, handlers);
    endpoint = createSocketEndpoint({
      core,
      dispatcher,
      ...(options.rendererDir ? { rendererDir: options.rendererDir } : {}),
      hostNames: [...(options.hostNames ?? []), ...(isWildcard(options.host) ? [] : [options.host])],
    });
    const port = await endpoint.listen(options.port, options.host);
    const urls = serverUrls(options.host, port);
    logger.info(
      { port, host: options.host, urls: urls.lan, dataDir: options.dataDir, ...core.identity() },
      `LAN sync listening on ${urls.lan.join(', ')}`,
    );
    if (options.rendererDir) {
      logger.info(
        { rendererDir: options.rendererDir, url: urls.local, lanUrls: urls.lan },
        `staff app (browser mode) at ${urls.local}`,
      );
    }
    let gatewayPort: number | null = null;
    let gatewayScheme: 'http' | 'https' = 'http';
    if (options.gatewayPort !== undefined) {
      gateway = createGateway({
        core,
        dispatcher,
        ...(options.gatewayTrustProxy && { trustProxy: options.gatewayTrustProxy }),
        ...(options.gatewayTls && { tls: options.gatewayTls }),
        corsOrigins: options.gatewayCorsOrigins ?? [],
        ...(options.companionDir && { companionDir: options.companionDir }),
        ...options.gatewayLimits,
      });
      gatewayPort = await gateway.listen(options.gatewayPort, options.host);
      gatewayScheme = gateway.secure ? 'https' : 'http';
      logger.info(
        {
          gatewayPort,
          trustProxy: describeTrustProxy(options.gatewayTrustProxy),
          tls: gateway.secure,
          corsOrigins: options.gatewayCorsOrigins ?? [],
          companionDir: options.companionDir ?? null,
        },
        `patient gateway listening on ${serverUrls(options.host, gatewayPort, gatewayScheme).lan.join(', ')}`,
      );
    }
    const advertiser = options.mdns
      ? advertiseHub(core, { port, host: options.host, interfaces: options.mdnsInterfaces, logger })
      : undefined;
    if (!core.isSetUp()) {
      logger.warn(
        'This hub is not set up yet: complete the first-run setup (auth.setup) from a desktop or browser.',
      );
    }

    const delivery = options.delivery === false ? null : new DeliveryWorker(core, options.delivery ?? {});
    delivery?.start();
    const push = options.push === false ? null : new PushSender(core, options.push ?? {});
    if (!push) ensureVapidKeys(db, core.clock.now().toISOString());
    push?.start();

    let stopped: Promise<void> | undefined;
    const [openDb, openEndpoint, openGateway] = [db, endpoint, gateway];
    return {
      url: urls.local,
      lanUrls: urls.lan,
      port,
      gateway:
        gatewayPort === null
          ? null
          : { port: gatewayPort, url: serverUrls(options.host, gatewayPort, gatewayScheme).local },
      routes: () => ({ lan: openEndpoint.routes(), gateway: openGateway?.routes() ?? [] }),
      core,
      dispatcher,
      delivery,
      push,
      stop() {
        stopped ??= (async () => {
          try {
            // First: sends in flight finish (bounded) and their outcomes are written.
            await delivery?.stop();
            await push?.stop();
            await advertiser?.stop();
            await openGateway?.close();
            await openEndpoint.close();
          } finally {
            await core.auditGuard?.close();
            openDb.close();
            lock.release();
            logger.info('hub stopped');
          }
        })();
        return stopped;
      },
    };
  } catch (error) {
    await gateway?.close();
    await endpoint?.close();
    await guard?.close();
    db?.close();
    lock.release();
    throw error;
  }
}

function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '';
}

function serverUrls(
  host: string,
  port: number,
  scheme: 'http' | 'https' = 'http',
): { local: string; lan: string[] } {
  const wildcard = isWildcard(host);
  const format = (address: string) =>
    `${scheme}://${address.includes(':') ? `[${address}]` : address}:${port}`;
  if (!wildcard) return { local: format(host), lan: [format(host)] };
  const lan = Object.values(networkInterfaces())
    .flatMap((addresses) => addresses ?? [])
    .filter((address) => address.family === 'IPv4' && !address.internal)
    .map((address) => format(address.address));
  return { local: format('127.0.0.1'), lan: [...lan, format('127.0.0.1')] };
}
