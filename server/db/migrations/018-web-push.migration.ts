/**
 * Web Push (issue 20, item 3): the hub's VAPID key pair, made once on its first start, and the
 * patients' browser subscriptions. Hub-only tables, never synced: the private key never leaves
 * the hub. Frozen once released.
 */
export const webPushMigration = {
  name: '018-web-push',
  sql: `
    CREATE TABLE push_vapid_keys (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      publicKey TEXT NOT NULL,
      privateKey TEXT NOT NULL,
      createdAt TEXT NOT NULL
    ) STRICT;
    CREATE TABLE push_subscriptions (
      id TEXT PRIMARY KEY,
      patientId TEXT NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
      endpoint TEXT NOT NULL UNIQUE,
      p256dh TEXT NOT NULL,
      auth TEXT NOT NULL,
      createdAt TEXT NOT NULL,
      lastSuccessAt TEXT,
      lastFailureAt TEXT,
      lastFailure TEXT
    ) STRICT;
    CREATE INDEX push_subscriptions_patient ON push_subscriptions(patientId);
  `,
};
