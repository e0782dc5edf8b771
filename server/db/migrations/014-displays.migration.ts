/**
 * Waiting-room displays (docs/product.md §7): each paired TV, its settings and its display-only credential
 * (stored as a SHA-256 hash, like sessions), and the calls it announces. Hub-only tables, never
 * synced. `display_calls.seq` never repeats (AUTOINCREMENT), so a display that remembers the last
 * call it announced never announces one twice, across hub restarts too. Frozen once released.
 */
export const displaysMigration = {
  name: '014-displays',
  sql: `
    CREATE TABLE displays (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      doctorIds TEXT NOT NULL CHECK (json_valid(doctorIds)),
      message TEXT NOT NULL DEFAULT '',
      theme TEXT NOT NULL CHECK (theme IN ('dark', 'light')),
      language TEXT NOT NULL,
      voice TEXT,
      credentialHash TEXT UNIQUE,
      pairingCodeHash TEXT UNIQUE,
      pairingExpiresAt TEXT,
      pairedAt TEXT,
      revokedAt TEXT,
      lastSeenAt TEXT,
      createdAt TEXT NOT NULL,
      revision INTEGER NOT NULL DEFAULT 1
    ) STRICT;
    CREATE TABLE display_calls (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      queueEntryId TEXT NOT NULL,
      doctorId TEXT NOT NULL,
      clinicDate TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('call', 'recall')),
      token TEXT NOT NULL,
      roomName TEXT,
      at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX display_calls_day ON display_calls (clinicDate, doctorId, seq);
  `,
};
