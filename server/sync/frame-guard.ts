import type { HubIo, HubSocket } from './socket-session';

/** The engine.io connection under a Socket.IO socket (one per client, across transport upgrades). */
export type EngineConnection = HubSocket['conn'];

/** Largest frame a connection that has not signed in may send: sign-in and setup are small. */
export const DEFAULT_MAX_ANONYMOUS_FRAME_BYTES = 64 * 1024;

/** The event a refused frame becomes, answered with an error through the frame's own ack. */
export const REFUSED_FRAME_EVENT = 'refused-frame';

/** Socket.IO packet types (socket.io-parser): only events carry an acknowledgement to answer. */
const EVENT_PACKET = '2';
/** Namespace and ack id come before the JSON; anything longer than this is not a real header. */
const MAX_HEADER_CHARS = 200;

export interface FrameGuardOptions {
  /** Frames larger than this are refused, before they are parsed, on connections not signed in. */
  maxAnonymousFrameBytes: number;
  isSignedIn(connection: EngineConnection): boolean;
}

/**
 * Caps frames before sign-in (issue 14, item 8): the transport accepts up to the signed-in limit
 * (attachments), so without this anyone on the LAN could make the hub parse megabytes of JSON.
 * engine.io reports each packet (`packet`) before Socket.IO's parser reads its data; an oversized
 * event is swapped for a tiny `refused-frame` event with the same ack id, so the sender gets an
 * answer (PAYLOAD_TOO_LARGE) and nothing of the original is parsed. Any other oversized packet
 * (a handshake, binary data) is swapped for an empty one, which the parser refuses by closing
 * the connection.
 */
export function guardFrames(io: HubIo, options: FrameGuardOptions): void {
  io.engine.on('connection', (connection: EngineConnection) => {
    connection.on('packet', (packet: { type: string; data?: unknown }) => {
      if (packet.type !== 'message' || options.isSignedIn(connection)) return;
      if (frameBytes(packet.data) <= options.maxAnonymousFrameBytes) return;
      packet.data = typeof packet.data === 'string' ? refusedEvent(packet.data) : '';
    });
  });
}

function frameBytes(data: unknown): number {
  if (typeof data === 'string') return data.length; // characters: what JSON.parse has to read
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength;
  return 0;
}

/** `2[/nsp,][ackId]<json>` → the same header with `["refused-frame"]`; '' when not an event. */
export function refusedEvent(frame: string): string {
  if (!frame.startsWith(EVENT_PACKET)) return '';
  let end = 1;
  if (frame.charAt(end) === '/') {
    const comma = frame.indexOf(',', end);
    if (comma < 0 || comma > MAX_HEADER_CHARS) return '';
    end = comma + 1;
  }
  while (end < MAX_HEADER_CHARS && frame.charCodeAt(end) >= 48 && frame.charCodeAt(end) <= 57) end += 1;
  if (end >= MAX_HEADER_CHARS) return '';
  return `${frame.slice(0, end)}${JSON.stringify([REFUSED_FRAME_EVENT])}`;
}
