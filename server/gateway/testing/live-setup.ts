import type { Caller } from '@server/core/dispatcher';
import { createGateway, type Gateway, type GatewayOptions } from '@server/gateway/gateway-server';
import { insertPatient } from '@server/testing/fixtures';
import { patientCaller } from '@server/testing/patient-caller';
import { createTestHub, type TestHub } from '@server/testing/test-hub';

export interface LiveWorld {
  hub: TestHub;
  gateway: Gateway;
  /** http://127.0.0.1:<port>/api/v1 */
  api: string;
  close(): Promise<void>;
}

/** A test hub (pinned clock) with its patient gateway listening on 127.0.0.1. */
export async function liveWorld(
  options: Omit<GatewayOptions, 'core' | 'dispatcher'> = {},
): Promise<LiveWorld> {
  const hub = await createTestHub();
  const gateway = createGateway({ core: hub.core, dispatcher: hub.dispatcher, ...options });
  const port = await gateway.listen(0, '127.0.0.1');
  return {
    hub,
    gateway,
    api: `http://127.0.0.1:${port}/api/v1`,
    async close() {
      await gateway.close();
      hub.close();
    },
  };
}

/** A patient record with an app account and a session (the hub's own session code). */
export function appPatient(hub: TestHub, fullName: string): Caller & { userId: string; patientId: string } {
  const patient = insertPatient(hub.db, { fullName });
  return { ...patientCaller(hub, patient.id), patientId: patient.id };
}

export interface SseEvent {
  event: string;
  data: unknown;
}

/**
 * A Server-Sent Events client the way the app reads the stream: fetch with the bearer header,
 * the body read as it arrives and split into events (`retry:` and comment lines kept apart).
 */
export class SseClient {
  readonly comments: string[] = [];
  retry: number | null = null;
  private readonly queued: SseEvent[] = [];
  private waiters: (() => void)[] = [];
  private done = false;
  private readonly abort = new AbortController();
  readonly finished: Promise<void>;

  private constructor(response: Response) {
    this.finished = this.read(response.body!.getReader());
  }

  static async open(api: string, token: string): Promise<SseClient> {
    const controller = new AbortController();
    const response = await fetch(`${api}/events`, {
      headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
      signal: controller.signal,
    });
    if (response.status !== 200) {
      throw new Error(`GET /events answered ${response.status}: ${await response.text()}`);
    }
    const client = new SseClient(response);
    client.abort.signal.addEventListener('abort', () => controller.abort());
    return client;
  }

  /** The next event (waits for it); null once the stream ended without one. */
  async next(): Promise<SseEvent | null> {
    for (;;) {
      const event = this.queued.shift();
      if (event) return event;
      if (this.done) return null;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** Events received and not yet taken by next(). */
  pending(): readonly SseEvent[] {
    return this.queued;
  }

  get ended(): boolean {
    return this.done;
  }

  /** Waits until a heartbeat comment came. */
  async heartbeat(): Promise<void> {
    while (!this.comments.some((c) => c.startsWith('heartbeat'))) {
      if (this.done) throw new Error('the stream ended before a heartbeat');
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** Closes the connection from the client's side and waits for the reader to stop. */
  async close(): Promise<void> {
    this.abort.abort();
    await this.finished;
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  private async read(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let cut = buffer.indexOf('\n\n');
        while (cut >= 0) {
          this.parse(buffer.slice(0, cut));
          buffer = buffer.slice(cut + 2);
          cut = buffer.indexOf('\n\n');
        }
        this.wake();
      }
    } catch {
      // Aborted by close(), or the connection was cut: the stream ended either way.
    } finally {
      this.done = true;
      this.wake();
    }
  }

  private parse(block: string): void {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
      else if (line.startsWith('retry:')) this.retry = Number(line.slice(6));
      else if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trim());
    }
    if (data.length > 0) this.queued.push({ event, data: JSON.parse(data.join('\n')) });
  }
}
