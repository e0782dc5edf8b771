/**
 * A hub for browser tests that need time to pass (a no-show is only allowed after the start time):
 * as `npm run hub -- --no-mdns --host 127.0.0.1 --port 0 --data-dir DIR --renderer-dir DIR`, but its
 * clock runs ahead of the real one by what the test asks for over IPC (`{ advanceMinutes }`,
 * answered with `{ offsetMinutes }`). Run with `node --import tsx` and an IPC channel. With
 * --gateway-port (and --companion-dir) it opens the patient gateway too, on the same moved clock.
 *
 * It also stands in for the patient app's gateway (`{ call: { id, name, input, token } }`, answered
 * with `{ callId, result }` or `{ callId, error }`): the hub's dispatcher called with that token, as
 * the gateway's routes call it, so that a browser test can watch the desks hear of app activity.
 */
import { parseArgs } from 'node:util';
import pino from 'pino';
import { startHub } from '@server/hub/hub-server';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    'renderer-dir': { type: 'string' },
    'gateway-port': { type: 'string' },
    'companion-dir': { type: 'string' },
  },
});
const dataDir = values['data-dir'];
if (!dataDir || !process.send)
  throw new Error('usage: node --import tsx movable-clock-hub.child.ts --data-dir DIR (with IPC)');

let offsetMs = 0;
const hub = await startHub({
  dataDir,
  port: 0,
  host: '127.0.0.1',
  mdns: false,
  logger: pino({ name: 'clinic-hub' }),
  clock: { now: () => new Date(Date.now() + offsetMs) },
  ...(values['renderer-dir'] ? { rendererDir: values['renderer-dir'] } : {}),
  ...(values['gateway-port'] !== undefined && { gatewayPort: Number(values['gateway-port']) }),
  ...(values['companion-dir'] !== undefined && { companionDir: values['companion-dir'] }),
  // Every phone of a test signs up from 127.0.0.1: the per-address limits would refuse the sixth.
  gatewayLimits: {
    limit: { max: 10_000, windowMs: 60_000 },
    authLimit: { max: 1_000, windowMs: 60_000 },
    signUpLimit: { max: 1_000, windowMs: 60_000 },
  },
});

interface AppCall {
  id: number;
  name: string;
  input: unknown;
  token: string | null;
}

process.on('message', (message: { advanceMinutes?: unknown; quiet?: unknown; call?: AppCall }) => {
  if (message.call) {
    const { id, name, input, token } = message.call;
    hub.dispatcher.call(name, input, { token, deviceId: 'patient-app', address: '127.0.0.1' }).then(
      (result) => process.send?.({ callId: id, result }),
      (error: unknown) => {
        const { code = 'INTERNAL', message: text = String(error) } = error as {
          code?: string;
          message?: string;
        };
        process.send?.({ callId: id, error: { code, message: text } });
      },
    );
    return;
  }
  if (typeof message.advanceMinutes === 'number') {
    offsetMs += message.advanceMinutes * 60_000;
    if (message.quiet === true) {
      process.send?.({ offsetMinutes: offsetMs / 60_000 });
      return;
    }
    // As a clock corrected on a real hub: the screens hear of it (a poke makes them ask again, and
    // every answer carries the hub's time), so what they offer by time follows the hub's clock.
    const { core } = hub;
    const latest = core.db.first(core.db.q.selectFrom('changes').select((e) => e.fn.max('seq').as('seq')));
    core.events.emit('sync.poke', { ...core.identity(), seq: Number(latest?.seq ?? 0) });
  }
  process.send?.({ offsetMinutes: offsetMs / 60_000 });
});
process.once('SIGTERM', () => {
  void hub.stop().then(() => process.exit(0));
});
