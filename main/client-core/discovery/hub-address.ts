import { DEFAULT_SYNC_PORT } from '@server/discovery/hub-service';

export type HubAddress = { ok: true; url: string } | { ok: false; field: 'manualAddress'; message: string };

const EXAMPLE = `e.g. 192.168.1.20 or 192.168.1.20:${DEFAULT_SYNC_PORT}`;

/**
 * The sync URL for an address an admin typed: `192.168.1.20`, `reception-pc:4810` or a full
 * `http://…` URL. Without a scheme the hub's default port applies when none is given.
 */
export function normalizeHubAddress(text: string): HubAddress {
  const typed = text.trim();
  if (!typed) return refuse(`Type the hub's address (${EXAMPLE}).`);
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(typed);
  let url: URL;
  try {
    url = new URL(hasScheme ? typed : `http://${typed}`);
  } catch {
    return refuse(`"${typed}" is not an address (${EXAMPLE}).`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return refuse(`The hub is reached over http:// or https://, not ${url.protocol}//.`);
  }
  if (url.username || url.password || url.search || url.hash || (url.pathname && url.pathname !== '/')) {
    return refuse(`Type only the hub's address and port (${EXAMPLE}).`);
  }
  if (!hasScheme && !url.port) url.port = String(DEFAULT_SYNC_PORT);
  return { ok: true, url: url.origin };
}

function refuse(message: string): HubAddress {
  return { ok: false, field: 'manualAddress', message };
}
