import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type StaffRole } from './sign-in';

type Reply<T> = { ok: true; result: T } | { ok: false; error: { message: string } };

export interface StaffSocket {
  /** One contract operation as this staff member; a refusal throws with the hub's message. */
  call<T = unknown>(this: void, name: string, input: unknown): Promise<T>;
  close(this: void): void;
}

/**
 * A demo staff member's session over the hub's socket, as a browser tab holds it: for tests and
 * scripts that need the hub to do something quickly (the same commands the screens send).
 */
export async function staffSocket(
  url: string,
  who: StaffRole | { username: string; password: string },
): Promise<StaffSocket> {
  const deviceId = randomUUID();
  const socket: Socket = io(url, { transports: ['websocket'], auth: { deviceId, kind: 'browser' } });
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const reply = (await socket.timeout(30_000).emitWithAck('call', { name, input })) as Reply<T>;
    if (!reply.ok) throw new Error(`${name}: ${reply.error.message}`);
    return reply.result;
  };
  try {
    const { username, password } =
      typeof who === 'string' ? { ...DEMO_ACCOUNTS[who], password: DEMO_PASSWORD } : who;
    const session = await call<{ token: string }>('auth.login', {
      username,
      password,
      deviceId,
    });
    await socket.timeout(30_000).emitWithAck('auth', { token: session.token });
  } catch (error) {
    socket.disconnect();
    throw error;
  }
  return { call, close: () => socket.disconnect() };
}
