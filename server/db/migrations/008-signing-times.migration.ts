/**
 * A signature's and an addendum's time is the author's (offset-corrected, bounded), kept next to
 * when the hub received it and where the time came from (shared/domain/consultation.schema.ts,
 * authorClockSchema). Frozen once released.
 */
export const signingTimesMigration = {
  name: '008-signing-times',
  sql: `
    ALTER TABLE consultations ADD COLUMN signatureReceivedAt TEXT;
    ALTER TABLE consultations ADD COLUMN signatureClock TEXT
      CHECK (signatureClock IN ('hub','device','flagged'));
    ALTER TABLE addenda ADD COLUMN receivedAt TEXT;
    ALTER TABLE addenda ADD COLUMN clock TEXT CHECK (clock IN ('hub','device','flagged'));
  `,
};
