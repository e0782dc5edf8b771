import { API_PREFIX } from '@shared/gateway/api-prefix';
import { type SseEvent, SseParser } from './sse-parser';

export interface LiveStreamHandlers {
  /** A named event of the gateway's live channel (`queue`, `notifications`, `session`). */
  onEvent(event: SseEvent): void;
  /** The stream is up (true) or down, reconnecting (false): the caller falls back to polling. */
  onConnected(connected: boolean): void;
  /** The hub refused the token (401): the session is over; no reconnect. */
  onUnauthorized(): void;
}

export interface LiveStreamOptions {
  /** First reconnect delay when the server advised none (ms). */
  baseDelayMs?: number;
  /** Longest reconnect delay (ms). */
  maxDelayMs?: number;
}

/** The delay before reconnect attempt `attempt` (0-based): doubling from the base, capped, with jitter. */
export function reconnectDelay(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * The patient's live channel, GET /api/v1/events, read with fetch() (EventSource cannot send the
 * Authorization header) and parsed here; reconnects with backoff until stopped. A `session`
 * event or a 401 ends it for good.
 */
export function openLiveStream(token: string, handlers: LiveStreamHandlers, options: LiveStreamOptions = {}) {
  const maxDelay = options.maxDelayMs ?? 60_000;
  let baseDelay = options.baseDelayMs ?? 2_000;
  let attempt = 0;
  let stopped = false;
  let controller: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    controller?.abort();
  };

  async function connect(): Promise<void> {
    controller = new AbortController();
    const response = await fetch(`${API_PREFIX}/events`, {
      headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
      cache: 'no-store',
      signal: controller.signal,
    });
    if (response.status === 401) {
      stop();
      handlers.onUnauthorized();
      return;
    }
    if (!response.ok || !response.body) throw new Error(`live channel answered ${response.status}`);
    const parser = new SseParser();
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    handlers.onConnected(true);
    attempt = 0;
    for (;;) {
      const { value, done } = await reader.read();
      if (done || stopped) break;
      for (const event of parser.push(value)) {
        handlers.onEvent(event);
        if (event.event === 'session') stop();
      }
      if (parser.retryMs !== null) baseDelay = parser.retryMs;
    }
  }

  function run(): void {
    if (stopped) return;
    connect()
      .catch(() => undefined)
      .finally(() => {
        if (stopped) return;
        handlers.onConnected(false);
        timer = setTimeout(run, reconnectDelay(attempt, baseDelay, maxDelay));
        attempt += 1;
      });
  }

  run();
  return { stop };
}
