/**
 * Patients (with FTS5 search), doctors, rooms, schedules, appointments with database-enforced
 * overlap claims, queue, consultations (append-only once signed), billing, waiting list,
 * notifications and attachments. Frozen once released.
 */
export const clinicMigration = {
  name: '002-clinic',
  sql: `
    CREATE TABLE patients (
      id TEXT PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      provisionalCode TEXT UNIQUE,
      fullName TEXT NOT NULL,
      nameFolded TEXT NOT NULL,
      dateOfBirth TEXT,
      sex TEXT NOT NULL,
      phone TEXT,
      phoneNormalized TEXT,
      email TEXT,
      address TEXT NOT NULL DEFAULT '',
      bloodGroup TEXT,
      allergies TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(allergies)),
      chronicConditions TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(chronicConditions)),
      insurance TEXT CHECK (insurance IS NULL OR json_valid(insurance)),
      emergencyContact TEXT CHECK (emergencyContact IS NULL OR json_valid(emergencyContact)),
      createdAt TEXT NOT NULL,
      updatedAt TEXT NOT NULL
    ) STRICT;
    CREATE INDEX patients_phone ON patients(phoneNormalized);
    CREATE INDEX patients_name_dob ON patients(nameFolded, dateOfBirth);
    CREATE VIRTUAL TABLE patients_fts USING fts5(
      nameFolded, content='patients', content_rowid='rowid',
      tokenize='unicode61 remove_diacritics 2', prefix='1 2 3'
    );
    CREATE TRIGGER patients_fts_insert AFTER INSERT ON patients BEGIN
      INSERT INTO patients_fts(rowid, nameFolded) VALUES (new.rowid, new.nameFolded);
    END;
    CREATE TRIGGER patients_fts_delete AFTER DELETE ON patients BEGIN
      INSERT INTO patients_fts(patients_fts, rowid, nameFolded) VALUES ('delete', old.rowid, old.nameFolded);
    END;
    CREATE TRIGGER patients_fts_update AFTER UPDATE OF nameFolded ON patients BEGIN
      INSERT INTO patients_fts(patients_fts, rowid, nameFolded) VALUES ('delete', old.rowid, old.nameFolded);
      INSERT INTO patients_fts(rowid, nameFolded) VALUES (new.rowid, new.nameFolded);
    END;

    CREATE TABLE doctors (
      id TEXT PRIMARY KEY,
      userId TEXT,
      fullName TEXT NOT NULL,
      specialization TEXT NOT NULL,
      qualification TEXT NOT NULL DEFAULT '',
      registrationNumber TEXT NOT NULL,
      fees TEXT NOT NULL CHECK (json_valid(fees)),
      sessionMinutes INTEGER NOT NULL CHECK (sessionMinutes > 0 AND sessionMinutes % 5 = 0),
      bufferOverride TEXT CHECK (bufferOverride IS NULL OR json_valid(bufferOverride)),
      tokenPrefix TEXT NOT NULL,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1))
    ) STRICT;
    CREATE TABLE rooms (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      type TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('available','out_of_service'))
    ) STRICT;
    CREATE TABLE weekly_windows (
      id TEXT PRIMARY KEY,
      doctorId TEXT NOT NULL REFERENCES doctors(id),
      weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
      start TEXT NOT NULL,
      "end" TEXT NOT NULL,
      roomId TEXT REFERENCES rooms(id),
      CHECK (start < "end")
    ) STRICT;
    CREATE INDEX weekly_windows_doctor ON weekly_windows(doctorId, weekday);
    CREATE TABLE schedule_exceptions (
      id TEXT PRIMARY KEY,
      doctorId TEXT NOT NULL REFERENCES doctors(id),
      date TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('leave','extra')),
      window TEXT CHECK (window IS NULL OR json_valid(window)),
      reason TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX schedule_exceptions_doctor ON schedule_exceptions(doctorId, date);

    CREATE TABLE appointments (
      id TEXT PRIMARY KEY,
      number TEXT UNIQUE,
      patientId TEXT NOT NULL REFERENCES patients(id),
      doctorId TEXT NOT NULL REFERENCES doctors(id),
      roomId TEXT REFERENCES rooms(id),
      startsAt TEXT NOT NULL,
      endsAt TEXT NOT NULL,
      startMs INTEGER NOT NULL,
      endMs INTEGER NOT NULL,
      clinicDate TEXT NOT NULL,
      bufferBeforeMinutes INTEGER NOT NULL,
      bufferAfterMinutes INTEGER NOT NULL,
      type TEXT NOT NULL CHECK (type IN ('NEW_VISIT','FOLLOW_UP')),
      mode TEXT NOT NULL CHECK (mode IN ('IN_PERSON','ONLINE')),
      status TEXT NOT NULL CHECK (status IN ('REQUESTED','CONFIRMED','CHECKED_IN','COMPLETED','CANCELLED','NO_SHOW')),
      meetingLink TEXT,
      bookedVia TEXT NOT NULL CHECK (bookedVia IN ('staff','patient_app','walk_in')),
      provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0,1)),
      -- A walk-in queued between scheduled patients holds no time of its own.
      slotless INTEGER NOT NULL DEFAULT 0 CHECK (slotless IN (0,1)),
      overrideReason TEXT,
      note TEXT NOT NULL DEFAULT '',
      createdAt TEXT NOT NULL,
      updatedAt TEXT NOT NULL,
      -- Claims are kept in 5-minute units, so times and buffers sit on that grid.
      CHECK (endMs > startMs AND startMs % 300000 = 0 AND endMs % 300000 = 0),
      CHECK (bufferBeforeMinutes >= 0 AND bufferAfterMinutes >= 0
             AND bufferBeforeMinutes % 5 = 0 AND bufferAfterMinutes % 5 = 0)
    ) STRICT;
    CREATE INDEX appointments_doctor_time ON appointments(doctorId, startMs);
    CREATE INDEX appointments_patient_time ON appointments(patientId, startMs);
    CREATE INDEX appointments_day ON appointments(clinicDate, doctorId);
    CREATE INDEX appointments_status ON appointments(status, startMs);

    -- Overlap is enforced by the database (docs/architecture.md (Data)): each active appointment claims its
    -- doctor's 5-minute units over [start - buffer before, end + buffer after) and its
    -- patient's units over [start, end). A second claim on a unit violates the primary key,
    -- which aborts the statement whatever code issued it.
    CREATE TABLE doctor_claims (
      doctorId TEXT NOT NULL,
      unit INTEGER NOT NULL,
      appointmentId TEXT NOT NULL,
      PRIMARY KEY (doctorId, unit)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX doctor_claims_appointment ON doctor_claims(appointmentId);
    CREATE TABLE patient_claims (
      patientId TEXT NOT NULL,
      unit INTEGER NOT NULL,
      appointmentId TEXT NOT NULL,
      PRIMARY KEY (patientId, unit)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX patient_claims_appointment ON patient_claims(appointmentId);

    CREATE TRIGGER appointments_claim_insert AFTER INSERT ON appointments
    WHEN new.status IN ('REQUESTED','CONFIRMED','CHECKED_IN') AND new.slotless = 0 BEGIN
      INSERT INTO doctor_claims(doctorId, unit, appointmentId)
        WITH RECURSIVE u(n) AS (
          SELECT (new.startMs - new.bufferBeforeMinutes * 60000) / 300000
          UNION ALL SELECT n + 1 FROM u WHERE n + 1 < (new.endMs + new.bufferAfterMinutes * 60000) / 300000
        ) SELECT new.doctorId, n, new.id FROM u;
      INSERT INTO patient_claims(patientId, unit, appointmentId)
        WITH RECURSIVE u(n) AS (
          SELECT new.startMs / 300000
          UNION ALL SELECT n + 1 FROM u WHERE n + 1 < new.endMs / 300000
        ) SELECT new.patientId, n, new.id FROM u;
    END;
    -- One trigger, so release happens before the new claims (trigger order is not defined).
    CREATE TRIGGER appointments_claim_update AFTER UPDATE OF
      status, startMs, endMs, doctorId, patientId, bufferBeforeMinutes, bufferAfterMinutes, slotless
    ON appointments BEGIN
      DELETE FROM doctor_claims WHERE appointmentId = old.id;
      DELETE FROM patient_claims WHERE appointmentId = old.id;
      INSERT INTO doctor_claims(doctorId, unit, appointmentId)
        WITH RECURSIVE u(n) AS (
          SELECT (new.startMs - new.bufferBeforeMinutes * 60000) / 300000
          UNION ALL SELECT n + 1 FROM u WHERE n + 1 < (new.endMs + new.bufferAfterMinutes * 60000) / 300000
        ) SELECT new.doctorId, n, new.id FROM u
          WHERE new.status IN ('REQUESTED','CONFIRMED','CHECKED_IN') AND new.slotless = 0;
      INSERT INTO patient_claims(patientId, unit, appointmentId)
        WITH RECURSIVE u(n) AS (
          SELECT new.startMs / 300000
          UNION ALL SELECT n + 1 FROM u WHERE n + 1 < new.endMs / 300000
        ) SELECT new.patientId, n, new.id FROM u
          WHERE new.status IN ('REQUESTED','CONFIRMED','CHECKED_IN') AND new.slotless = 0;
    END;
    CREATE TRIGGER appointments_claim_delete AFTER DELETE ON appointments BEGIN
      DELETE FROM doctor_claims WHERE appointmentId = old.id;
      DELETE FROM patient_claims WHERE appointmentId = old.id;
    END;
  `,
};
