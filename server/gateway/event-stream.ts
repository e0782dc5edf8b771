import type { FastifyReply } from 'fastify';

export interface EventStreamOptions {
  /** The `retry:` advice: how long the client waits before it reconnects. */
  retryMs: number;
  /** Buffered but unsent bytes above this end the stream: a client that stopped reading. */
  maxBufferedBytes?: number;
}

export interface EventStream {
  /** One event: `event: <name>` and its JSON on one `data:` line. False once the stream ended. */
  send(name: string, data: unknown): boolean;
  /** A comment line (`: text`), which clients ignore: the heartbeat that keeps proxies from closing. */
  comment(text: string): boolean;
  /** Ends the response (idempotent); `closed` resolves after. */
  end(): void;
  readonly ended: boolean;
  /** Resolves once the stream ended, by either side. */
  readonly closed: Promise<void>;
}

/**
 * Server-Sent Events written by hand on the raw response (the format is a few text lines; a
 * library would add a dependency for less than this file). The reply is hijacked, so Fastify
 * sends nothing more; the headers Fastify's hooks set already (helmet's, the rate limit's) are
 * kept. Ends on the client's close, a write error, a client that stops reading, or `end()`.
 */
export function openEventStream(reply: FastifyReply, options: EventStreamOptions): EventStream {
  const maxBuffered = options.maxBufferedBytes ?? 256 * 1024;
  const response = reply.raw;
  reply.hijack();
  const kept = Object.entries(reply.getHeaders()).filter(
    (entry): entry is [string, string | number | string[]] => entry[1] !== undefined,
  );
  response.writeHead(200, {
    ...Object.fromEntries(kept),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store, no-transform',
    // nginx and similar proxies would otherwise hold events back in their buffer.
    'x-accel-buffering': 'no',
  });
  // The heartbeat, not the socket's idle timeout, decides when a quiet stream is dead.
  response.socket?.setTimeout(0);

  let ended = false;
  let resolveClosed!: () => void;
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));

  const finish = () => {
    if (ended) return;
    ended = true;
    resolveClosed();
  };
  const end = () => {
    if (!ended && !response.writableEnded) response.end();
    finish();
  };
  function write(text: string): boolean {
    if (ended) return false;
    if (response.writableLength > maxBuffered) {
      end();
      return false;
    }
    response.write(text);
    return true;
  }
  response.on('close', finish);
  response.on('error', finish);

  write(`retry: ${Math.round(options.retryMs)}\n\n`);
  return {
    send: (name, data) => write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`),
    comment: (text) => write(`: ${text.replace(/\n/g, ' ')}\n\n`),
    end,
    get ended() {
      return ended;
    },
    closed,
  };
}
