import { z } from 'zod';
import { idSchema, instantSchema, isoDateSchema } from '@shared/domain/common.schema';
import { syncedEntitySchema } from './sync.contract';

/**
 * Server push events. They are hints: Socket.IO delivers at most once, so a client that gets one
 * pulls or re-queries, and correctness never depends on receiving it (docs/architecture.md (Sync protocol)).
 */
export const eventsContract = {
  /**
   * New changes exist after `seq`: connected desktops pull. `tables` names the tables the change
   * wrote and `ids` its rows (left out when many), so screens refetch only what depends on them
   * (change-hint.ts); without `tables` anything may have changed.
   */
  'sync.poke': z.strictObject({
    hubId: z.string(),
    epoch: z.number().int(),
    seq: z.number().int().min(0),
    tables: z.array(syncedEntitySchema).optional(),
    ids: z.partialRecord(syncedEntitySchema, z.array(z.string())).optional(),
  }),
  /** A doctor's queue changed: display screens and dashboards re-query it. */
  'queue.changed': z.strictObject({ doctorId: idSchema, clinicDate: isoDateSchema }),
  /** A token was called: the display flashes it, chimes and speaks it. */
  'queue.called': z.strictObject({
    doctorId: idSchema,
    token: z.string(),
    roomName: z.string().nullable(),
    calledAt: instantSchema,
  }),
  /** The session ended (logout elsewhere, disabled user, expiry): the client signs out or locks. */
  'session.ended': z.strictObject({ reason: z.enum(['logout', 'disabled', 'expired', 'role_changed']) }),
  /** A patient has new in-app messages. */
  'notifications.new': z.strictObject({ unread: z.number().int().min(0) }),
} as const;

export type EventName = keyof typeof eventsContract;
export type EventPayload<N extends EventName> = z.output<(typeof eventsContract)[N]>;
