/**
 * A waiting-room display may show a QR code of the clinic's companion app link (the link itself
 * is a clinic setting). Off by default. Frozen once released.
 */
export const displayQrMigration = {
  name: '016-display-qr',
  sql: `
    ALTER TABLE displays ADD COLUMN showQrCode INTEGER NOT NULL DEFAULT 0 CHECK (showQrCode IN (0, 1));
  `,
};
