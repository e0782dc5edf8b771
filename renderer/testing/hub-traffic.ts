import type { Page } from 'playwright-core';

/** A page's contract calls and pushes, as its Socket.IO frames carry them (browser mode). */
export interface HubTraffic {
  /** The operation name of every `call` the page sent, in order. */
  readonly calls: string[];
  /** Every push event the page received, by name, in order. */
  readonly pushes: string[];
}

// Socket.IO over a WebSocket: `42<ack id>["call",{"name":"…",…}]` out, `42["sync.poke",…]` in.
const CALL = /^42\d*\["call",\{"name":"([^"]+)"/;
const PUSH = /^42\["([^"]+)"/;

/** Listens to the page's sockets from before it opens them (call before `page.goto`). */
export function watchHubTraffic(page: Page): HubTraffic {
  const traffic = { calls: [] as string[], pushes: [] as string[] };
  page.on('websocket', (socket) => {
    socket.on('framesent', ({ payload }) => {
      const call = typeof payload === 'string' ? CALL.exec(payload) : null;
      if (call) traffic.calls.push(call[1]!);
    });
    socket.on('framereceived', ({ payload }) => {
      const push = typeof payload === 'string' ? PUSH.exec(payload) : null;
      if (push) traffic.pushes.push(push[1]!);
    });
  });
  return traffic;
}
