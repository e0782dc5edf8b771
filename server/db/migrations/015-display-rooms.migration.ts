/**
 * Waiting-room displays show chosen rooms too (the doctors working in them today), and keep the
 * voices the TV's browser reported, for the admin to choose from. Frozen once released.
 */
export const displayRoomsMigration = {
  name: '015-display-rooms',
  sql: `
    ALTER TABLE displays ADD COLUMN roomIds TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(roomIds));
    ALTER TABLE displays ADD COLUMN voices TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(voices));
  `,
};
