/**
 * How a hub presents itself by mDNS / DNS-SD (docs/product.md §13): the service type, its instance name and
 * the TXT record. Shared by the hub's advertiser and the desktops' browser (main/ imports this).
 * Discovery only proposes addresses: a desktop always confirms a hub by the `hello` handshake.
 */

/** DNS-SD service type, advertised as `_clinic-hub._tcp.local`. */
export const HUB_SERVICE_TYPE = 'clinic-hub';

/** The sync protocol version announced in the TXT record (`pv`), as `hello` reports it. */
export const HUB_PROTOCOL_VERSION = 1;

/** The port `npm run hub` listens on by default; typed addresses without a port use it. */
export const DEFAULT_SYNC_PORT = 4810;

/** The TXT record: `hubId` (the hub's identity), `pv` (protocol version), `clinic` (display name). */
export interface HubTxt {
  hubId: string;
  pv: string;
  clinic?: string;
}

/** TXT strings hold at most 255 bytes each (key=value); clinic names are cut well below that. */
const MAX_CLINIC_BYTES = 180;

export function hubTxt(hubId: string, clinicName?: string): HubTxt {
  const txt: HubTxt = { hubId, pv: String(HUB_PROTOCOL_VERSION) };
  const clinic = clinicName?.trim();
  if (clinic) txt.clinic = truncateUtf8(clinic, MAX_CLINIC_BYTES);
  return txt;
}

/**
 * The service instance name on one interface. It carries the whole hub id so that two hubs on
 * one LAN never share a name (browsers would take them for one service), and the interface so
 * that the hub's announcements on its other interfaces do not look like a name conflict.
 */
export function hubServiceName(hubId: string, interfaceName: string): string {
  return `Clinic hub ${hubId} ${interfaceName}`.replaceAll('.', '-').slice(0, 63);
}

/** The host name in the SRV record, unique per hub (machines in one office may share names). */
export function hubHostName(hubId: string): string {
  const label = hubId
    .toLowerCase()
    .replaceAll(/[^a-z0-9-]/g, '')
    .slice(0, 40);
  return `clinic-hub-${label}.local`;
}

function truncateUtf8(text: string, maxBytes: number): string {
  let out = '';
  for (const char of text) {
    if (Buffer.byteLength(out + char, 'utf8') > maxBytes) break;
    out += char;
  }
  return out;
}
