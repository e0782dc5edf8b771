import type { Logger } from 'pino';
import { HUB_SERVICE_TYPE, hubHostName, hubServiceName, hubTxt } from './hub-service';
import { type InterfaceTable, type LanInterface, resolveInterfaces } from './lan-interfaces';
import { openSafeBonjour, type SafeBonjour } from './safe-bonjour';

export interface MdnsAdvertiserOptions {
  hubId: string;
  clinicName?: string;
  /** The LAN sync port being advertised (already listening). */
  port: number;
  /** The address the sync port listens on: decides the interfaces when none are chosen. */
  host: string;
  /** Interface names or IPv4 addresses to advertise on (`--mdns-interface`); default: see host. */
  interfaces?: readonly string[];
  logger: Logger;
  /** How often to look for interfaces that came up, went away or changed address. */
  rescanMs?: number;
  /** For tests: the interface table instead of the machine's. */
  interfaceTable?: () => InterfaceTable;
}

export interface MdnsAdvertiser {
  /** The interfaces currently advertised on. */
  interfaces(): LanInterface[];
  /** Sends goodbye packets on every interface and closes the mDNS sockets. */
  stop(): Promise<void>;
}

interface Announcer {
  iface: LanInterface;
  mdns: SafeBonjour;
  /** Its socket failed (port taken, interface gone): replaced at the next scan. */
  readonly failed: boolean;
}

const DEFAULT_RESCAN_MS = 15_000;
const ANNOUNCE_WARNING_MS = 10_000;

/**
 * Advertises the hub as `_clinic-hub._tcp` (docs/architecture.md (Processes)) on chosen interfaces, one mDNS socket per
 * interface (a socket has one multicast interface). Every failure is logged and never stops the
 * hub: desktops can still use the last address that worked or one an admin typed. Interfaces are
 * looked at again every `rescanMs`, so a hub started before the network came up (or whose address
 * changed) starts announcing when it does. Each start announces afresh (bonjour-service repeats the
 * announcement at 1 s, 3 s, 9 s, …); `stop` sends goodbyes so browsers drop the hub at once.
 */
export function startMdnsAdvertiser(options: MdnsAdvertiserOptions): MdnsAdvertiser {
  const { logger } = options;
  const announcers = new Map<string, Announcer>();
  /** The last failure per interface, so that a retry failing the same way logs quietly. */
  const failures = new Map<string, string>();
  let lastProblems = '';
  let stopped = false;

  const scan = () => {
    if (stopped) return;
    let resolved: ReturnType<typeof resolveInterfaces>;
    try {
      resolved = resolveInterfaces(
        { interfaces: options.interfaces, host: options.host },
        options.interfaceTable?.(),
      );
    } catch (error) {
      logger.error({ err: error }, 'mDNS: cannot list the network interfaces');
      return;
    }
    const { interfaces, problems } = resolved;
    const report = problems.join('; ');
    if (report && report !== lastProblems) logger.warn({ problems }, `mDNS: ${report}`);
    lastProblems = report;
    const wanted = new Map(interfaces.map((iface) => [key(iface), iface]));
    for (const [id, announcer] of announcers) {
      if (wanted.has(id) && !announcer.failed) continue;
      announcers.delete(id);
      if (!announcer.failed)
        logger.info({ mdnsInterface: announcer.iface }, 'mDNS: interface gone, no longer advertising on it');
      void announcer.mdns.close();
    }
    for (const [id, iface] of wanted) {
      if (announcers.has(id)) continue;
      const announcer = announce(iface, options, failures);
      if (announcer) announcers.set(id, announcer);
    }
  };

  scan();
  const timer = setInterval(scan, options.rescanMs ?? DEFAULT_RESCAN_MS);
  timer.unref();

  return {
    interfaces: () => [...announcers.values()].map((announcer) => announcer.iface),
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      const closing = [...announcers.values()].map((announcer) => announcer.mdns.close());
      announcers.clear();
      await Promise.all(closing);
      logger.info('mDNS: goodbye sent, advertising stopped');
    },
  };
}

function announce(
  iface: LanInterface,
  options: MdnsAdvertiserOptions,
  failures: Map<string, string>,
): Announcer | undefined {
  const { logger, hubId, port } = options;
  const context = { mdnsInterface: iface, port };
  const state = { failed: false };
  try {
    const mdns = openSafeBonjour({
      interfaceAddress: iface.address,
      onError: (error) => {
        state.failed = true;
        const repeated = failures.get(key(iface)) === error.message;
        failures.set(key(iface), error.message);
        logger[repeated ? 'debug' : 'error'](
          { ...context, err: error },
          `mDNS advertising on ${iface.name} failed: ${error.message}. ` +
            'Desktops can still connect with the last address that worked or a typed one. Retrying.',
        );
      },
      onWarning: (error) => logger.debug({ ...context, err: error }, `mDNS: ${error.message}`),
    });
    const host = hubHostName(hubId);
    const service = mdns.bonjour.publish({
      // One name per interface: a probe sees this hub's announcement on another interface
      // (through the local loopback of multicast) and would give a shared name up.
      name: hubServiceName(hubId, iface.name),
      type: HUB_SERVICE_TYPE,
      port,
      host,
      txt: hubTxt(hubId, options.clinicName),
      disableIPv6: true,
      probe: true,
    });
    // The library puts every address of the machine in the A records; only this interface's may
    // go. Safe to replace here: records are first built when probing ends (after a timer).
    const records = service.records.bind(service);
    service.records = () => [
      ...records().filter((record) => record.type !== 'A' && record.type !== 'AAAA'),
      { name: host, type: 'A', ttl: 120, data: iface.address },
    ];
    const silence = setTimeout(() => {
      if (state.failed) return;
      if (!service.activated) {
        // bonjour-service gives the name up when a probe is answered (and says so on stdout).
        state.failed = true;
        logger.error(
          context,
          `mDNS: another machine advertises this hub (same hub id) on ${iface.name}. ` +
            "Is a copy of this hub's data directory running elsewhere? Retrying.",
        );
      } else {
        logger.warn(context, `mDNS: not announced on ${iface.name} yet (is the network down?)`);
      }
    }, ANNOUNCE_WARNING_MS);
    silence.unref();
    service.once('up', () => {
      clearTimeout(silence);
      if (state.failed) return;
      failures.delete(key(iface));
      logger.info(context, `mDNS: advertising ${HUB_SERVICE_TYPE} on ${iface.name} (${iface.address})`);
    });
    return {
      iface,
      mdns,
      get failed() {
        return state.failed;
      },
    };
  } catch (error) {
    logger.error({ ...context, err: error }, `mDNS advertising on ${iface.name} could not start`);
    return undefined;
  }
}

function key(iface: LanInterface): string {
  return `${iface.name}/${iface.address}`;
}

/** What startHub needs: the hub's identity and name from its core. */
export interface AdvertisedHub {
  identity(): { hubId: string };
  isSetUp(): boolean;
  settings(): { clinicName: string };
}

/** Advertises a running hub (its clinic name is included once the first-run setup was done). */
export function advertiseHub(
  hub: AdvertisedHub,
  options: Omit<MdnsAdvertiserOptions, 'hubId' | 'clinicName'>,
): MdnsAdvertiser {
  const clinicName = hub.isSetUp() ? hub.settings().clinicName : undefined;
  return startMdnsAdvertiser({ ...options, hubId: hub.identity().hubId, clinicName });
}
