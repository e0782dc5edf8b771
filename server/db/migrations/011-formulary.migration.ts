/**
 * The clinic's own formulary entries (added by the admin to the shipped data in
 * shared/formulary/) and each doctor's prescription templates. Both are synced tables, so a
 * doctor's desktop checks allergies and applies templates offline. Frozen once released.
 */
export const formularyMigration = {
  name: '011-formulary',
  sql: `
    CREATE TABLE formulary_entries (
      id TEXT PRIMARY KEY,
      generic TEXT NOT NULL,
      brands TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(brands)),
      classes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(classes)),
      createdBy TEXT NOT NULL,
      createdAt TEXT NOT NULL
    ) STRICT;
    CREATE TABLE prescription_templates (
      id TEXT PRIMARY KEY,
      doctorId TEXT NOT NULL REFERENCES doctors(id),
      name TEXT NOT NULL,
      items TEXT NOT NULL CHECK (json_valid(items)),
      createdAt TEXT NOT NULL,
      updatedAt TEXT NOT NULL,
      UNIQUE (doctorId, name COLLATE NOCASE)
    ) STRICT;
  `,
};
