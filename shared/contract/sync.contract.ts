import { z } from 'zod';
import { idSchema, instantSchema } from '@shared/domain/common.schema';
import { apiErrorSchema } from './errors';

/** Tables that travel in the change log, each filtered per role (rows and columns) on pull. */
export const syncedEntities = [
  'settings',
  'users',
  'patients',
  'doctors',
  'rooms',
  'weekly_windows',
  'schedule_exceptions',
  'appointments',
  'status_transitions',
  'reschedule_records',
  'reschedule_requests',
  'queue_entries',
  'queue_moves',
  'consultations',
  'addenda',
  'bills',
  'bill_items',
  'payments',
  'waitlist_entries',
  'attachments',
  'formulary_entries',
  'prescription_templates',
] as const;
export const syncedEntitySchema = z.enum(syncedEntities);
export type SyncedEntity = z.infer<typeof syncedEntitySchema>;

/** Returned by the hub at connection: who it is and which incarnation of its database. */
export const hubHelloSchema = z.strictObject({
  hubId: z.string().min(1),
  /** Changes when the hub's database is restored or replaced: clients then refetch everything. */
  epoch: z.number().int().min(1),
  protocolVersion: z.literal(1),
  serverTime: instantSchema,
  /**
   * The last mutation id the hub processed from this client, so it can drop acknowledged rows
   * (0: none, or no client id given). Null when the hub will not tell: the connection's session is
   * not the client's own user on the device it is bound to (or there is no session); the client
   * must then not renumber anything by it.
   */
  lastMutationId: z.number().int().min(0).nullable(),
});
export type HubHello = z.infer<typeof hubHelloSchema>;

/**
 * What a desktop sends with `hello`: its clock now. The hub keeps `hub time − clientTime` for the
 * connection and corrects the `createdAt` of the mutations pushed on it by that offset (the
 * author's time of a signature or an addendum). Optional: other callers send nothing.
 */
export const helloRequestSchema = z.strictObject({ clientTime: instantSchema }).optional();

/** One queued local change: a contract command, numbered 1, 2, 3 … per client. */
export const mutationSchema = z.strictObject({
  mutationId: z.number().int().min(1),
  name: z.string().max(100),
  input: z.unknown(),
  /**
   * The client's clock when the change was made: never used for ordering; corrected by the offset
   * measured at hello, it is the author's time of signatures and addenda (server/core/author-time.ts).
   */
  createdAt: instantSchema,
  /**
   * The client id the change was first queued under, when its desktop has registered a new one
   * since (its id was found in use by a copy of the desktop): the records the change creates keep
   * the ids derived from it, which later changes may name. Only the same user's client.
   */
  origin: z.string().min(8).max(100).optional(),
});
export type Mutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z.strictObject({
  clientId: z.string().min(8).max(100),
  epoch: z.number().int().min(1),
  mutations: z.array(mutationSchema).min(1).max(500),
});

export const mutationOutcomeSchema = z.discriminatedUnion('status', [
  z.strictObject({ mutationId: z.number().int(), status: z.literal('applied'), result: z.unknown() }),
  /** Can never succeed: processed anyway, with the reason its author sees. */
  z.strictObject({ mutationId: z.number().int(), status: z.literal('rejected'), error: apiErrorSchema }),
]);
export type MutationOutcome = z.infer<typeof mutationOutcomeSchema>;

export const pushResponseSchema = z.strictObject({
  outcomes: z.array(mutationOutcomeSchema),
  lastMutationId: z.number().int().min(0),
  /** Set when the batch starts after a gap: the client must resend from lastMutationId + 1. */
  gap: z.boolean(),
});

export const pullRequestSchema = z.strictObject({
  epoch: z.number().int().min(0),
  cursor: z.number().int().min(0),
  limit: z.number().int().min(1).max(5000).default(1000),
});

export const changeSchema = z.strictObject({
  seq: z.number().int().min(1),
  entity: syncedEntitySchema,
  entityId: z.string(),
  op: z.enum(['upsert', 'delete']),
  /** The row as this client's role may see it (columns filtered); null for deletes. */
  row: z.record(z.string(), z.unknown()).nullable(),
});
export type Change = z.infer<typeof changeSchema>;

export const pullResponseSchema = z.strictObject({
  hubId: z.string(),
  epoch: z.number().int().min(1),
  /** True when the client's epoch is stale: it must drop its replica and refetch from cursor 0. */
  resetRequired: z.boolean(),
  changes: z.array(changeSchema),
  nextCursor: z.number().int().min(0),
  hasMore: z.boolean(),
  /** As in the hello (null: not this session's to know). */
  lastMutationId: z.number().int().min(0).nullable(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/**
 * A read of medical content a desktop served from its replica (docs/architecture.md (Security invariants): every such read is
 * audited). Kept on the desktop and sent with `sync.reads`; the hub audits it under the sending
 * session's user and device, once per id.
 */
export const replicaReadSchema = z.strictObject({
  id: idSchema,
  /** When the desktop served the read (its clock: informational). */
  at: instantSchema,
  action: z.string().min(1).max(60),
  entity: z.string().min(1).max(40),
  entityId: z.string().max(100).nullable(),
  patientId: z.string().max(100).nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type ReplicaRead = z.infer<typeof replicaReadSchema>;

export const readsPushRequestSchema = z.strictObject({
  reads: z.array(replicaReadSchema).min(1).max(500),
});

/** The ids the hub holds now (recorded by this message or an earlier one): the desktop drops them. */
export const readsPushResponseSchema = z.strictObject({ recorded: z.array(idSchema) });

/**
 * `sync.outbox`: how many changes wait on the sending desktop for each of its sync clients (one
 * per user who signed in there), held ones included: a user's changes wait until that user signs
 * in there again. The admin's devices list shows the last report.
 */
export const outboxReportSchema = z.strictObject({
  pending: z
    .array(
      z.strictObject({
        clientId: z.string().min(8).max(100),
        count: z.number().int().min(0).max(1_000_000),
      }),
    )
    .max(200),
});
export type OutboxReport = z.infer<typeof outboxReportSchema>;
