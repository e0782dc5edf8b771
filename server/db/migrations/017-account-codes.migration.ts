/**
 * One-time codes of patients' app accounts (activation and password reset): one live code per
 * account, stored as a keyed hash, with its expiry and the wrong tries left. Replaces the unused
 * `activation_codes` of 001 (keyed by patient, no purpose, nothing referenced it). Frozen once released.
 */
export const accountCodesMigration = {
  name: '017-account-codes',
  sql: `
    DROP TABLE activation_codes;
    CREATE TABLE account_codes (
      userId TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
      id TEXT NOT NULL UNIQUE,
      purpose TEXT NOT NULL CHECK (purpose IN ('activation','password_reset')),
      codeHash TEXT NOT NULL,
      createdAt TEXT NOT NULL,
      expiresAt TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0)
    ) STRICT;
  `,
};
