/**
 * The message outbox (docs/architecture.md, "Messages"): one row per message and channel, written
 * in the transaction of its cause and sent after commit; the clinic's own texts; its mail server;
 * each patient's language and channel choices. `notifications` of 003 was never written, so it
 * is replaced. Frozen once released.
 */
export const messagesMigration = {
  name: '009-messages',
  sql: `
    DROP TABLE notifications;
    CREATE TABLE notifications (
      id TEXT PRIMARY KEY,
      -- One message per cause and channel (e.g. reminder:<appointment>:sms): a retried command
      -- or a replayed offline change never makes a second one.
      dedupeKey TEXT NOT NULL UNIQUE,
      patientId TEXT REFERENCES patients(id),
      kind TEXT NOT NULL,
      channel TEXT NOT NULL CHECK (channel IN ('in_app','sms','email')),
      language TEXT NOT NULL,
      recipient TEXT NOT NULL,
      aboutEntity TEXT,
      aboutId TEXT,
      params TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params)),
      subject TEXT NOT NULL,
      body TEXT NOT NULL,
      segments INTEGER CHECK (segments IS NULL OR segments >= 1),
      attachment TEXT CHECK (attachment IS NULL OR attachment IN ('receipt','prescription')),
      state TEXT NOT NULL CHECK (state IN ('pending','sent','failed','skipped')),
      reason TEXT,
      attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      dueMs INTEGER NOT NULL,
      nextAttemptMs INTEGER NOT NULL,
      -- Claimed by a sender until then; a hub that stopped mid-send finds it again on start.
      leaseUntilMs INTEGER,
      providerMessageId TEXT,
      createdAt TEXT NOT NULL,
      updatedAt TEXT NOT NULL,
      sentAt TEXT,
      readAt TEXT,
      CHECK ((state = 'sent') = (sentAt IS NOT NULL)),
      CHECK (readAt IS NULL OR channel = 'in_app')
    ) STRICT;
    CREATE INDEX notifications_due ON notifications(nextAttemptMs) WHERE state = 'pending';
    CREATE INDEX notifications_patient ON notifications(patientId, createdAt);
    CREATE INDEX notifications_about ON notifications(aboutEntity, aboutId);
    CREATE INDEX notifications_created ON notifications(createdAt);

    CREATE TABLE message_templates (
      kind TEXT NOT NULL,
      channel TEXT NOT NULL CHECK (channel IN ('in_app','sms','email')),
      language TEXT NOT NULL,
      subject TEXT NOT NULL,
      body TEXT NOT NULL,
      updatedAt TEXT NOT NULL,
      updatedBy TEXT NOT NULL,
      PRIMARY KEY (kind, channel, language)
    ) STRICT;

    -- Hub only: never in the change log, so no desktop or stream carries the password.
    CREATE TABLE smtp_settings (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      enabled INTEGER NOT NULL CHECK (enabled IN (0,1)),
      host TEXT NOT NULL,
      port INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
      security TEXT NOT NULL CHECK (security IN ('starttls','tls','none')),
      username TEXT NOT NULL,
      password TEXT,
      fromAddress TEXT,
      fromName TEXT NOT NULL,
      updatedAt TEXT NOT NULL
    ) STRICT;

    ALTER TABLE patients ADD COLUMN preferredLanguage TEXT NOT NULL DEFAULT 'en';
    ALTER TABLE patients ADD COLUMN messageOptOuts TEXT NOT NULL DEFAULT '[]'
      CHECK (json_valid(messageOptOuts));
    ALTER TABLE patients ADD COLUMN emailAttachments INTEGER NOT NULL DEFAULT 0
      CHECK (emailAttachments IN (0,1));
  `,
};
