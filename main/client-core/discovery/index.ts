/**
 * Hub discovery for the desktop's client core (docs/product.md §13, docs/architecture.md (Processes)): mDNS first, then the last
 * address that worked, then an address an admin typed; a hub is only ever used once its hello
 * handshake confirmed its identity. Plain Node (no electron).
 */
import { discoverHubs, findHub } from './find-hub';

export type {
  DiscoveryOptions,
  FindHubOptions,
  FindHubResult,
  FoundHub,
  HubAttempt,
  HubSource,
} from './find-hub';
export { discoverHubs, findHub } from './find-hub';
export { checkHub, type HandshakeIdentity, type HelloOutcome } from './hello-check';
export { normalizeHubAddress, type HubAddress } from './hub-address';
export { HubBrowser, type HubCandidate } from './hub-browser';

/** What the client core depends on (tests can pass one with `mdns: false` defaults). */
export interface HubDiscovery {
  findHub: typeof findHub;
  discoverHubs: typeof discoverHubs;
}

export const hubDiscovery: HubDiscovery = { findHub, discoverHubs };
