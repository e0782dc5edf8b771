/**
 * Accounts, settings, hub identity, counters, sync bookkeeping and the audit log.
 * Column names follow the domain schemas in shared/ so rows map onto entities directly.
 * Frozen once released: change the schema with a new migration.
 */
export const coreMigration = {
  name: '001-core',
  sql: `
    CREATE TABLE hub_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
    CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) STRICT;
    CREATE TABLE settings (id INTEGER PRIMARY KEY CHECK (id = 1), data TEXT NOT NULL CHECK (json_valid(data))) STRICT;

    CREATE TABLE users (
      id TEXT PRIMARY KEY,
      username TEXT NOT NULL UNIQUE COLLATE NOCASE,
      displayName TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('patient','receptionist','doctor','nurse','admin')),
      doctorId TEXT,
      patientId TEXT UNIQUE,
      disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0,1)),
      createdAt TEXT NOT NULL,
      lastLoginAt TEXT
    ) STRICT;
    -- Secrets live apart from users so that no sync or list query can carry them by accident.
    CREATE TABLE credentials (
      userId TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
      passwordHash TEXT NOT NULL,
      updatedAt TEXT NOT NULL
    ) STRICT;
    CREATE TABLE sessions (
      tokenHash TEXT PRIMARY KEY,
      userId TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      deviceId TEXT NOT NULL,
      createdAt TEXT NOT NULL,
      lastSeenAt TEXT NOT NULL,
      idleExpiresAt TEXT NOT NULL,
      absoluteExpiresAt TEXT NOT NULL,
      revokedAt TEXT,
      revokeReason TEXT
    ) STRICT;
    CREATE INDEX sessions_user ON sessions(userId);
    CREATE TABLE login_throttle (
      key TEXT PRIMARY KEY,
      failures INTEGER NOT NULL,
      firstFailureAt TEXT NOT NULL,
      blockedUntil TEXT
    ) STRICT;
    CREATE TABLE activation_codes (
      patientId TEXT PRIMARY KEY,
      codeHash TEXT NOT NULL,
      expiresAt TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    CREATE TABLE changes (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      entity TEXT NOT NULL,
      entityId TEXT NOT NULL,
      op TEXT NOT NULL CHECK (op IN ('upsert','delete')),
      at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX changes_entity ON changes(entity, entityId);
    CREATE TABLE sync_clients (
      clientId TEXT PRIMARY KEY,
      userId TEXT,
      deviceName TEXT NOT NULL DEFAULT '',
      kind TEXT NOT NULL DEFAULT 'desktop',
      lastMutationId INTEGER NOT NULL DEFAULT 0,
      lastSeenAt TEXT,
      pendingMutations INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE TABLE processed_mutations (
      clientId TEXT NOT NULL,
      mutationId INTEGER NOT NULL,
      name TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('applied','rejected')),
      response TEXT NOT NULL CHECK (json_valid(response)),
      processedAt TEXT NOT NULL,
      PRIMARY KEY (clientId, mutationId)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE audit_log (
      seq INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actorUserId TEXT,
      actorRole TEXT,
      deviceId TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('change','read','auth')),
      action TEXT NOT NULL,
      entity TEXT NOT NULL,
      entityId TEXT,
      patientId TEXT,
      details TEXT NOT NULL CHECK (json_valid(details)),
      prevHash TEXT NOT NULL,
      hash TEXT NOT NULL
    ) STRICT;
    CREATE INDEX audit_at ON audit_log(at);
    CREATE INDEX audit_user ON audit_log(actorUserId, at);
    CREATE INDEX audit_patient ON audit_log(patientId, at);
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  `,
};
