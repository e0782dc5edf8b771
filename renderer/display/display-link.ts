import { io, type Socket } from 'socket.io-client';
import type { ApiError } from '@shared/contract/errors';
import type { DisplaySnapshot, DisplayVoice } from '@shared/domain/display.schema';
import { watchVoices } from './tv-voices';

const CREDENTIAL_KEY = 'clinic.display.credential';

export type LinkStatus = 'unpaired' | 'connecting' | 'live' | 'offline';

export interface LinkState {
  status: LinkStatus;
  /** Since when the hub has been out of reach (epoch ms), while `offline`. */
  offlineSince: number | null;
  snapshot: DisplaySnapshot | null;
}

export function storedCredential(): string | null {
  try {
    return localStorage.getItem(CREDENTIAL_KEY);
  } catch {
    return null;
  }
}

function storeCredential(credential: string | null): void {
  try {
    if (credential === null) localStorage.removeItem(CREDENTIAL_KEY);
    else localStorage.setItem(CREDENTIAL_KEY, credential);
  } catch {
    // A TV without storage pairs again after a reboot.
  }
}

/** Exchanges a pairing code for the display credential (over a connection with no session). */
export async function pairWithCode(code: string): Promise<void> {
  const socket = io(window.location.origin, {
    transports: ['websocket'],
    auth: { deviceId: `display-${crypto.randomUUID()}`, kind: 'display', deviceName: 'Waiting-room display' },
  });
  try {
    const reply = (await socket
      .timeout(15_000)
      .emitWithAck('call', { name: 'displays.pair', input: { code } })) as
      { ok: true; result: { credential: string } } | { ok: false; error: ApiError };
    if (!reply.ok) throw new Error(reply.error.message);
    storeCredential(reply.result.credential);
  } finally {
    socket.disconnect();
  }
}

/**
 * The TV's link to the display feed: connects to `/display` with the stored credential, keeps the
 * newest snapshot (by version; a new hub identity or epoch starts over), reconnects by itself,
 * and reports the browser's voices (`display.voices`) for the admin's choice.
 * A refused or revoked credential is forgotten: the screen goes blank and asks to be paired.
 */
export function connectDisplay(onState: (state: LinkState) => void, onTest: () => void): () => void {
  let state: LinkState = { status: 'connecting', offlineSince: null, snapshot: null };
  const set = (patch: Partial<LinkState>) => {
    state = { ...state, ...patch };
    onState(state);
  };
  const credential = storedCredential();
  if (!credential) {
    set({ status: 'unpaired' });
    return () => undefined;
  }
  const socket: Socket = io(`${window.location.origin}/display`, {
    transports: ['websocket'],
    auth: { credential },
    reconnectionDelayMax: 5_000,
  });
  const unpair = () => {
    storeCredential(null);
    socket.disconnect();
    set({ status: 'unpaired', snapshot: null, offlineSince: null });
  };
  // The voices this TV offers go to the hub on every connect and whenever the browser's list changes.
  let voices: DisplayVoice[] = [];
  const sendVoices = () => {
    if (socket.connected && voices.length > 0) {
      socket.timeout(10_000).emit('display.voices', voices, () => undefined);
    }
  };
  const stopVoices = watchVoices((next) => {
    voices = next;
    sendVoices();
  });
  socket.on('connect', () => {
    set({ status: 'live', offlineSince: null });
    sendVoices();
  });
  socket.on('disconnect', (reason) => {
    if (reason === 'io server disconnect' || reason === 'io client disconnect') return;
    set({ status: 'offline', offlineSince: state.offlineSince ?? Date.now() });
  });
  socket.on('connect_error', (error: Error & { data?: ApiError }) => {
    if (error.data?.code === 'UNAUTHENTICATED') return unpair();
    set({ status: 'offline', offlineSince: state.offlineSince ?? Date.now() });
  });
  socket.on('display.revoked', unpair);
  socket.on('display.test', onTest);
  socket.on('display.snapshot', (next: DisplaySnapshot) => {
    const current = state.snapshot;
    const sameHub = current && current.hubId === next.hubId && current.epoch === next.epoch;
    if (sameHub && next.version < current.version) return;
    set({ snapshot: next, status: 'live', offlineSince: null });
  });
  return () => {
    stopVoices();
    socket.disconnect();
  };
}
