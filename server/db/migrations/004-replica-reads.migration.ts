/**
 * Reads of medical content that desktops served from their replicas, by id, so each one is
 * audited once however often it is sent (sync.reads). Frozen once released.
 */
export const replicaReadsMigration = {
  name: '004-replica-reads',
  sql: `
    CREATE TABLE replica_reads (
      id TEXT PRIMARY KEY,
      clientId TEXT,
      recordedAt TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
  `,
};
