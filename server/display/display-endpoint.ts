import type { Namespace, Server, Socket } from 'socket.io';
import { authorizeDisplay } from '@shared/permissions/display-feed';
import type { ApiError } from '@shared/contract/errors';
import { DISPLAY_VOICES_MAX, displayVoicesSchema } from '@shared/domain/display.schema';
import type { HubCore } from '@server/core/hub-core';
import { buildDisplaySnapshot } from './display-feed';
import {
  displayByCredential,
  findDisplayRow,
  hashSecret,
  recordSeen,
  recordVoices,
} from './displays.repository';

/** The namespace TVs connect to; staff connections never join it. */
export const DISPLAY_NAMESPACE = '/display';
/** Estimates and presence move with the clock: every display gets a fresh snapshot this often. */
const REFRESH_MS = 30_000;

interface DisplaySocketData {
  displayId: string;
  credentialHash: string;
}
type DisplaySocket = Socket<
  Record<string, never>,
  Record<string, never>,
  Record<string, never>,
  DisplaySocketData
>;

/**
 * The display feed over Socket.IO (docs/architecture.md (The contract)): a TV connects to `/display` with its credential
 * (`auth: { credential }`), gets a snapshot at once and a new one right after every commit that
 * may change it (pokes, calls, its own settings); `display.snapshot` asks for one, and
 * `display.voices` reports the voices its browser offers (kept for the admin). Every connect
 * and message is checked by `authorizeDisplay` against the credential as stored now, so a revoked
 * or replaced one is refused and its open sockets are told (`display.revoked`) and closed.
 */
export function attachDisplayFeed(io: Server, core: HubCore): () => void {
  const nsp = io.of(DISPLAY_NAMESPACE) as unknown as Namespace<
    Record<string, never>,
    Record<string, never>,
    Record<string, never>,
    DisplaySocketData
  >;
  const stateOf = (credentialHash: string | null) => {
    if (!credentialHash) return null;
    const row = core.db.first(
      core.db.q.selectFrom('displays').selectAll().where('credentialHash', '=', credentialHash),
    );
    return row ? { row, state: { displayId: row.id, revoked: row.revokedAt !== null } } : null;
  };

  nsp.use((socket, next) => {
    const credential: unknown = (socket.handshake.auth as { credential?: unknown }).credential;
    const row =
      typeof credential === 'string' && credential.length <= 100
        ? displayByCredential(core.db, credential)
        : undefined;
    const decision = authorizeDisplay(
      row ? { displayId: row.id, revoked: row.revokedAt !== null } : null,
      null,
    );
    if (!decision.allowed || !row) return next(refusal());
    socket.data = { displayId: row.id, credentialHash: hashSecret(credential as string) };
    next();
  });

  nsp.on('connection', (socket: DisplaySocket) => {
    const { displayId } = socket.data;
    void socket.join(room(displayId));
    void core.writes
      .run(() => recordSeen(core.db, displayId, core.clock.now().toISOString()))
      .catch((error: unknown) =>
        core.logger.warn({ err: error, displayId }, 'could not record a display as seen'),
      );
    send(socket);
    socket.onAny((event: string, ...args: unknown[]) => {
      const ack = args.at(-1);
      if (typeof ack !== 'function') return;
      const reply = ack as (reply: unknown) => void;
      const found = stateOf(socket.data.credentialHash);
      const decision = authorizeDisplay(found?.state ?? null, event);
      if (!decision.allowed || !found) {
        reply({ ok: false, error: decision.allowed ? refusal().data : errorOf(decision.reason) });
        return;
      }
      if (event === 'display.voices') {
        recordReportedVoices(found.row.id, args[0], reply);
        return;
      }
      try {
        reply({ ok: true, result: buildDisplaySnapshot(core, found.row) });
      } catch (error) {
        core.logger.error({ err: error, displayId }, 'display snapshot failed');
        reply({
          ok: false,
          error: { code: 'INTERNAL', message: 'The hub could not build the display feed.' },
        });
      }
    });
  });

  /** The TV's voices, for the admin's choice of voice: validated and bounded before they are kept. */
  function recordReportedVoices(displayId: string, payload: unknown, reply: (reply: unknown) => void): void {
    const parsed = displayVoicesSchema.safeParse(payload);
    if (!parsed.success) {
      reply({
        ok: false,
        error: {
          code: 'VALIDATION',
          message: 'Please correct: voices',
          fields: [
            {
              field: 'voices',
              message: `must be at most ${DISPLAY_VOICES_MAX} voices, each a name and a language`,
            },
          ],
        },
      });
      return;
    }
    const unique = [...new Map(parsed.data.map((v) => [v.name, v])).values()];
    core.writes
      .run(() => recordVoices(core.db, displayId, unique))
      .then(
        () => reply({ ok: true, result: { ok: true } }),
        (error: unknown) => {
          core.logger.warn({ err: error, displayId }, 'could not record a display’s voices');
          reply({ ok: false, error: { code: 'INTERNAL', message: 'The hub could not keep the voices.' } });
        },
      );
  }

  // Pushes of one tick (a commit's poke and its call) make one snapshot per display.
  const dirty = new Set<string>();
  let scheduled = false;
  const refresh = (displayIds: Iterable<string>) => {
    for (const id of displayIds) dirty.add(id);
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      const ids = [...dirty];
      dirty.clear();
      for (const id of ids) push(id);
    });
  };
  const connected = () =>
    [...nsp.adapter.rooms.keys()].filter((name) => name.startsWith('display:')).map((name) => name.slice(8));

  function push(displayId: string): void {
    const row = findDisplayRow(core.db, displayId);
    for (const socket of nsp.sockets.values()) {
      if (socket.data.displayId !== displayId) continue;
      if (!row || row.revokedAt !== null || row.credentialHash !== socket.data.credentialHash) {
        (socket as unknown as Socket).emit('display.revoked', {});
        socket.disconnect(true);
      }
    }
    if (!row || row.revokedAt !== null) return;
    try {
      (nsp.to(room(displayId)) as unknown as { emit(event: string, payload: unknown): void }).emit(
        'display.snapshot',
        buildDisplaySnapshot(core, row),
      );
    } catch (error) {
      core.logger.error({ err: error, displayId }, 'display snapshot failed');
    }
  }

  function send(socket: DisplaySocket): void {
    const row = findDisplayRow(core.db, socket.data.displayId);
    if (!row) return;
    try {
      (socket as unknown as Socket).emit('display.snapshot', buildDisplaySnapshot(core, row));
    } catch (error) {
      core.logger.error({ err: error, displayId: row.id }, 'display snapshot failed');
    }
  }

  const timer = setInterval(() => refresh(connected()), REFRESH_MS);
  timer.unref();
  const stops = [
    core.events.on('sync.poke', () => refresh(connected())),
    core.events.on('queue.called', () => refresh(connected())),
    core.events.onDisplayChanged((id) => refresh([id])),
    core.events.onDisplayTest((id) =>
      (nsp.to(room(id)) as unknown as { emit(event: string, payload: unknown): void }).emit(
        'display.test',
        {},
      ),
    ),
  ];
  return () => {
    clearInterval(timer);
    for (const stop of stops) stop();
  };
}

const room = (displayId: string) => `display:${displayId}`;

function errorOf(reason: 'unauthenticated' | 'forbidden'): ApiError {
  return reason === 'forbidden'
    ? { code: 'FORBIDDEN', message: 'A display may only read its own feed.' }
    : refusal().data;
}

function refusal(): Error & { data: ApiError } {
  const data: ApiError = {
    code: 'UNAUTHENTICATED',
    message: 'This display is not paired with the hub (or was revoked). Ask the admin for a pairing code.',
  };
  return Object.assign(new Error(data.message), { data });
}
