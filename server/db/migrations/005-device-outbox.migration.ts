/**
 * Which device each sync client (one user on one desktop) runs on, so a desktop may report how
 * many changes wait in its outbox for each of its clients, and only for its own (sync.outbox).
 * Frozen once released.
 */
export const deviceOutboxMigration = {
  name: '005-device-outbox',
  sql: `
    ALTER TABLE sync_clients ADD COLUMN deviceId TEXT;
    CREATE INDEX sync_clients_by_device ON sync_clients (deviceId);
  `,
};
