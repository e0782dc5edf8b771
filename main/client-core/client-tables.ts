/**
 * Tables only a desktop's replica has (never a hub migration): sync metadata, the outbox, undo
 * images of rows touched by pending mutations, the needs-attention list, reads of medical content
 * not yet audited by the hub, and cached sign-ins.
 */
export const clientTablesSql = `
  CREATE TABLE IF NOT EXISTS client_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  CREATE TABLE IF NOT EXISTS client_outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    clientId TEXT NOT NULL,
    mutationId INTEGER NOT NULL,
    userId TEXT NOT NULL,
    actor TEXT NOT NULL,
    name TEXT NOT NULL,
    input TEXT NOT NULL,
    createdAt TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending','acked')),
    origin TEXT,
    UNIQUE (clientId, mutationId)
  ) STRICT;
  CREATE TABLE IF NOT EXISTS client_undo (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    tbl TEXT NOT NULL,
    rowKey TEXT NOT NULL,
    image TEXT,
    UNIQUE (tbl, rowKey)
  ) STRICT;
  CREATE TABLE IF NOT EXISTS client_attention (
    id TEXT PRIMARY KEY,
    userId TEXT NOT NULL,
    mutationId INTEGER NOT NULL,
    name TEXT NOT NULL,
    input TEXT NOT NULL,
    error TEXT NOT NULL,
    nextAction TEXT NOT NULL,
    createdAt TEXT NOT NULL
  ) STRICT;
  CREATE TABLE IF NOT EXISTS client_reads (
    id TEXT PRIMARY KEY,
    userId TEXT NOT NULL,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entityId TEXT,
    patientId TEXT,
    details TEXT NOT NULL
  ) STRICT;
  CREATE TABLE IF NOT EXISTS client_users (
    username TEXT PRIMARY KEY COLLATE NOCASE,
    userId TEXT NOT NULL,
    verifier TEXT NOT NULL,
    token TEXT,
    actor TEXT NOT NULL,
    clientId TEXT NOT NULL,
    nextMutationId INTEGER NOT NULL DEFAULT 1,
    updatedAt TEXT NOT NULL
  ) STRICT;
`;

/** Columns added to client tables since their first release, for replicas made before. */
export const clientTableColumns = [{ table: 'client_outbox', column: 'origin', type: 'TEXT' }] as const;

/** Hub-side guards that make no sense on a cache whose rows the hub replaces (docs/architecture.md (Sync protocol) rebase). */
export const replicaDroppedTriggers = [
  'consultations_signed_immutable',
  'consultations_no_delete',
  'addenda_immutable',
  'addenda_no_delete',
  'payments_immutable',
  'audit_no_update',
  'audit_no_delete',
] as const;
