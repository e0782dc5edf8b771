/**
 * Each processed mutation keeps a fingerprint of what it was (name, input, the client's time),
 * so a re-sent mutation id is answered from its stored outcome only when it is the same change:
 * two copies of one desktop (a cloned data folder) numbering different changes alike are told
 * apart instead of one being answered with the other's result. Rows from before stay NULL.
 * Frozen once released.
 */
export const syncClientBindingMigration = {
  name: '006-sync-client-binding',
  sql: `
    ALTER TABLE processed_mutations ADD COLUMN fingerprint TEXT;
  `,
};
