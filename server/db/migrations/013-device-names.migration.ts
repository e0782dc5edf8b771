/**
 * Every device that signs in, browsers included, with the name it gives itself (a desktop's
 * host name or setup name, a browser's "Chrome on Windows") and the admin's name for it, which
 * wins. Screens show these names instead of device ids (desktops seen before this keep the name
 * their sync clients gave; see device-names.ts). Frozen once released.
 */
export const deviceNamesMigration = {
  name: '013-device-names',
  sql: `
    CREATE TABLE devices (
      deviceId TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      reportedName TEXT NOT NULL DEFAULT '',
      name TEXT,
      firstSeenAt TEXT NOT NULL,
      lastSeenAt TEXT NOT NULL
    ) STRICT;
  `,
};
