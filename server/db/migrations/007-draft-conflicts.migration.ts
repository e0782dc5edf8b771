/**
 * Draft revisions and conflicting versions (docs/architecture.md, "Draft conflicts"): each saved
 * draft has a revision id, and a save made on an older revision keeps the text it replaces in
 * `draftConflicts` until the doctor chooses. Frozen once released.
 */
export const draftConflictsMigration = {
  name: '007-draft-conflicts',
  sql: `
    ALTER TABLE consultations ADD COLUMN draftRevision TEXT;
    ALTER TABLE consultations ADD COLUMN draftConflicts TEXT NOT NULL DEFAULT '[]'
      CHECK (json_valid(draftConflicts));
  `,
};
