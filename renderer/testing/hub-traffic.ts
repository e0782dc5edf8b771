import type { Page } from 'playwright-core';

/** One frame of a page's hub traffic, stamped when the test process saw it. */
export interface TrafficEvent {
  at: number;
  kind: 'call' | 'reply' | 'push';
  /** The operation (a call and its reply) or the push event's name. */
  name: string;
}

/** A page's contract calls and pushes, as its Socket.IO frames carry them (browser mode). */
export interface HubTraffic {
  /** The operation name of every `call` the page sent, in order. */
  readonly calls: string[];
  /** Every push event the page received, by name, in order. */
  readonly pushes: string[];
  /** Calls, their replies and pushes in the order seen, with times (for the UI benchmark). */
  readonly timeline: TrafficEvent[];
}

// Socket.IO over a WebSocket: `42<ack id>["call",{"name":"…",…}]` out, `43<ack id>[…]` its reply,
// `42["sync.poke",…]` a push.
const CALL = /^42(\d*)\["call",\{"name":"([^"]+)"/;
const REPLY = /^43(\d+)\[/;
const PUSH = /^42\["([^"]+)"/;

/** Listens to the page's sockets from before it opens them (call before `page.goto`). */
export function watchHubTraffic(page: Page): HubTraffic {
  const traffic = { calls: [] as string[], pushes: [] as string[], timeline: [] as TrafficEvent[] };
  page.on('websocket', (socket) => {
    const pending = new Map<string, string>();
    socket.on('framesent', ({ payload }) => {
      const call = typeof payload === 'string' ? CALL.exec(payload) : null;
      if (!call) return;
      traffic.calls.push(call[2]!);
      traffic.timeline.push({ at: Date.now(), kind: 'call', name: call[2]! });
      if (call[1]) pending.set(call[1], call[2]!);
    });
    socket.on('framereceived', ({ payload }) => {
      if (typeof payload !== 'string') return;
      const reply = REPLY.exec(payload);
      const name = reply ? pending.get(reply[1]!) : undefined;
      if (reply && name) {
        pending.delete(reply[1]!);
        traffic.timeline.push({ at: Date.now(), kind: 'reply', name });
        return;
      }
      const push = PUSH.exec(payload);
      if (!push) return;
      traffic.pushes.push(push[1]!);
      traffic.timeline.push({ at: Date.now(), kind: 'push', name: push[1]! });
    });
  });
  return traffic;
}
