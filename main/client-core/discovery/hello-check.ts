import { io, type Socket } from 'socket.io-client';
import { z } from 'zod';
import { type HubHello, hubHelloSchema } from '@shared/contract/sync.contract';
import { HUB_PROTOCOL_VERSION } from '@server/discovery/hub-service';

/** Who is asking, as the hub's handshake wants it (no token: `hello` needs no session). */
export interface HandshakeIdentity {
  deviceId: string;
  deviceName?: string;
}

export type HelloFailureReason = 'unreachable' | 'not-a-hub' | 'incompatible' | 'wrong-hub';

export type HelloOutcome =
  | { ok: true; url: string; hello: HubHello }
  | { ok: false; url: string; reason: HelloFailureReason; message: string; hubId?: string };

export interface HelloCheckOptions {
  identity: HandshakeIdentity;
  /** The hub this desktop belongs to; another hub's answer is refused. */
  expectedHubId?: string | null;
  timeoutMs: number;
}

const versionSchema = z.object({ hubId: z.string().min(1), protocolVersion: z.number() });
const replySchema = z.union([
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ message: z.string() }).loose() }),
]);

/**
 * Confirms a hub (docs/product.md §13: identity checked at connection, never trusted from discovery): connects
 * to the sync URL, sends `hello` and checks the answer is a hub of this protocol with the expected
 * id. Never throws; the connection is closed before it resolves.
 */
export async function checkHub(url: string, options: HelloCheckOptions): Promise<HelloOutcome> {
  const { identity, expectedHubId, timeoutMs } = options;
  const socket = io(url, {
    auth: { kind: 'desktop', deviceName: '', ...identity },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: timeoutMs,
  });
  try {
    try {
      await connected(socket, timeoutMs);
    } catch (error) {
      return {
        ok: false,
        url,
        reason: 'unreachable',
        message: `No hub answers at ${url} (${messageOf(error)}).`,
      };
    }
    let raw: unknown;
    try {
      raw = await socket.timeout(timeoutMs).emitWithAck('hello');
    } catch {
      return { ok: false, url, reason: 'unreachable', message: `${url} did not answer hello in time.` };
    }
    return judge(url, raw, expectedHubId);
  } catch (error) {
    return { ok: false, url, reason: 'unreachable', message: messageOf(error) };
  } finally {
    socket.disconnect();
  }
}

function judge(url: string, raw: unknown, expectedHubId: string | null | undefined): HelloOutcome {
  const reply = replySchema.safeParse(raw);
  if (!reply.success) return notAHub(url);
  if (!reply.data.ok) return notAHub(url, reply.data.error.message);
  const version = versionSchema.safeParse(reply.data.result);
  if (!version.success) return notAHub(url);
  const { hubId, protocolVersion } = version.data;
  if (protocolVersion !== HUB_PROTOCOL_VERSION) {
    return {
      ok: false,
      url,
      reason: 'incompatible',
      hubId,
      message: `The hub at ${url} speaks sync protocol ${protocolVersion}; this desktop speaks ${HUB_PROTOCOL_VERSION}. Update the older one.`,
    };
  }
  if (expectedHubId && hubId !== expectedHubId) {
    return {
      ok: false,
      url,
      reason: 'wrong-hub',
      hubId,
      message: `The hub at ${url} is another clinic's hub (${hubId}), not this desktop's (${expectedHubId}).`,
    };
  }
  const hello = hubHelloSchema.loose().safeParse(reply.data.result);
  if (!hello.success) return notAHub(url);
  const { epoch, serverTime, lastMutationId } = hello.data;
  return { ok: true, url, hello: { hubId, epoch, protocolVersion: 1, serverTime, lastMutationId } };
}

function notAHub(url: string, detail?: string): HelloOutcome {
  const message = `${url} answered, but not as a clinic hub${detail ? `: ${detail}` : ''}.`;
  return { ok: false, url, reason: 'not-a-hub', message };
}

function connected(socket: Socket, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no connection within ${timeoutMs} ms`)), timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
