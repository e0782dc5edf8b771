/**
 * Appointment history, queue, consultations (append-only once signed), billing, waiting list,
 * notifications and attachments. Frozen once released.
 */
export const careMigration = {
  name: '003-care',
  sql: `
    CREATE TABLE status_transitions (
      id TEXT PRIMARY KEY,
      appointmentId TEXT NOT NULL REFERENCES appointments(id),
      "from" TEXT,
      "to" TEXT NOT NULL,
      actorUserId TEXT NOT NULL,
      actorRole TEXT NOT NULL,
      deviceId TEXT NOT NULL,
      at TEXT NOT NULL,
      reason TEXT,
      undoOf TEXT
    ) STRICT;
    CREATE INDEX status_transitions_appointment ON status_transitions(appointmentId, at);
    CREATE TABLE reschedule_records (
      id TEXT PRIMARY KEY,
      appointmentId TEXT NOT NULL REFERENCES appointments(id),
      oldStartsAt TEXT NOT NULL, oldEndsAt TEXT NOT NULL, oldDoctorId TEXT NOT NULL,
      newStartsAt TEXT NOT NULL, newEndsAt TEXT NOT NULL, newDoctorId TEXT NOT NULL,
      changedBy TEXT NOT NULL,
      reason TEXT NOT NULL,
      at TEXT NOT NULL,
      deviceId TEXT NOT NULL
    ) STRICT;
    CREATE INDEX reschedule_records_appointment ON reschedule_records(appointmentId, at);
    CREATE TABLE reschedule_requests (
      id TEXT PRIMARY KEY,
      appointmentId TEXT NOT NULL REFERENCES appointments(id),
      preferredDate TEXT,
      preferredStartsAt TEXT,
      note TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL CHECK (status IN ('PENDING','APPROVED','REJECTED','WITHDRAWN')),
      createdAt TEXT NOT NULL,
      decidedBy TEXT,
      decidedAt TEXT,
      decisionReason TEXT
    ) STRICT;

    CREATE TABLE queue_entries (
      id TEXT PRIMARY KEY,
      appointmentId TEXT NOT NULL UNIQUE REFERENCES appointments(id),
      doctorId TEXT NOT NULL REFERENCES doctors(id),
      patientId TEXT NOT NULL REFERENCES patients(id),
      clinicDate TEXT NOT NULL,
      token TEXT NOT NULL,
      tokenNumber INTEGER NOT NULL,
      checkedInAt TEXT NOT NULL,
      priority TEXT NOT NULL CHECK (priority IN ('normal','urgent')),
      position INTEGER NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('waiting','called','in_consultation','done','left')),
      calledAt TEXT,
      consultationStartedAt TEXT,
      finishedAt TEXT,
      displayInitials TEXT NOT NULL,
      UNIQUE (doctorId, clinicDate, tokenNumber)
    ) STRICT;
    CREATE INDEX queue_entries_day ON queue_entries(doctorId, clinicDate, state);
    CREATE TABLE queue_moves (
      id TEXT PRIMARY KEY,
      queueEntryId TEXT NOT NULL REFERENCES queue_entries(id),
      fromPosition INTEGER NOT NULL,
      toPosition INTEGER NOT NULL,
      priorityFrom TEXT NOT NULL,
      priorityTo TEXT NOT NULL,
      movedBy TEXT NOT NULL,
      at TEXT NOT NULL,
      reason TEXT NOT NULL DEFAULT ''
    ) STRICT;

    CREATE TABLE consultations (
      id TEXT PRIMARY KEY,
      appointmentId TEXT NOT NULL UNIQUE REFERENCES appointments(id),
      patientId TEXT NOT NULL REFERENCES patients(id),
      doctorId TEXT NOT NULL REFERENCES doctors(id),
      status TEXT NOT NULL CHECK (status IN ('draft','finalized')),
      chiefComplaint TEXT NOT NULL DEFAULT '',
      vitals TEXT NOT NULL CHECK (json_valid(vitals)),
      examinationNotes TEXT NOT NULL DEFAULT '',
      diagnosis TEXT NOT NULL CHECK (json_valid(diagnosis)),
      clinicalNotes TEXT NOT NULL DEFAULT '',
      advice TEXT NOT NULL DEFAULT '',
      prescription TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(prescription)),
      tests TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tests)),
      followUpDate TEXT,
      signedBy TEXT,
      signedAt TEXT,
      createdAt TEXT NOT NULL,
      updatedAt TEXT NOT NULL,
      CHECK ((status = 'finalized') = (signedAt IS NOT NULL AND signedBy IS NOT NULL))
    ) STRICT;
    CREATE INDEX consultations_patient ON consultations(patientId, createdAt);
    -- A signed record is append-only (docs/product.md §8): corrections are addenda.
    CREATE TRIGGER consultations_signed_immutable BEFORE UPDATE ON consultations
    WHEN old.status = 'finalized' BEGIN
      SELECT RAISE(ABORT, 'a signed consultation cannot be changed; add an addendum');
    END;
    CREATE TRIGGER consultations_no_delete BEFORE DELETE ON consultations BEGIN
      SELECT RAISE(ABORT, 'consultation records are never deleted');
    END;
    CREATE TABLE addenda (
      id TEXT PRIMARY KEY,
      consultationId TEXT NOT NULL REFERENCES consultations(id),
      authorUserId TEXT NOT NULL,
      at TEXT NOT NULL,
      text TEXT NOT NULL
    ) STRICT;
    CREATE INDEX addenda_consultation ON addenda(consultationId, at);
    CREATE TRIGGER addenda_immutable BEFORE UPDATE ON addenda BEGIN
      SELECT RAISE(ABORT, 'addenda are append-only');
    END;
    CREATE TRIGGER addenda_no_delete BEFORE DELETE ON addenda BEGIN
      SELECT RAISE(ABORT, 'addenda are append-only');
    END;

    CREATE TABLE bills (
      id TEXT PRIMARY KEY,
      number TEXT UNIQUE,
      patientId TEXT NOT NULL REFERENCES patients(id),
      appointmentId TEXT UNIQUE REFERENCES appointments(id),
      doctorId TEXT REFERENCES doctors(id),
      currency TEXT NOT NULL,
      discount TEXT CHECK (discount IS NULL OR json_valid(discount)),
      subtotal INTEGER NOT NULL CHECK (subtotal >= 0),
      discountTotal INTEGER NOT NULL CHECK (discountTotal >= 0),
      total INTEGER NOT NULL CHECK (total >= 0),
      paid INTEGER NOT NULL,
      outstanding INTEGER NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('PENDING','PARTIALLY_PAID','PAID')),
      createdAt TEXT NOT NULL,
      updatedAt TEXT NOT NULL,
      CHECK (total = subtotal - discountTotal AND outstanding = total - paid AND paid >= 0 AND paid <= total)
    ) STRICT;
    CREATE INDEX bills_patient ON bills(patientId, createdAt);
    CREATE INDEX bills_day ON bills(createdAt);
    CREATE TABLE bill_items (
      id TEXT PRIMARY KEY,
      billId TEXT NOT NULL REFERENCES bills(id),
      position INTEGER NOT NULL,
      kind TEXT NOT NULL,
      description TEXT NOT NULL,
      quantity INTEGER NOT NULL CHECK (quantity >= 1),
      unitPrice INTEGER NOT NULL CHECK (unitPrice >= 0)
    ) STRICT;
    CREATE INDEX bill_items_bill ON bill_items(billId, position);
    CREATE TABLE payments (
      id TEXT PRIMARY KEY,
      billId TEXT NOT NULL REFERENCES bills(id),
      kind TEXT NOT NULL CHECK (kind IN ('payment','refund')),
      amount INTEGER NOT NULL CHECK ((kind = 'payment' AND amount > 0) OR (kind = 'refund' AND amount < 0)),
      mode TEXT NOT NULL CHECK (mode IN ('cash','card','upi')),
      reference TEXT NOT NULL DEFAULT '',
      reason TEXT NOT NULL DEFAULT '',
      receiptNumber TEXT UNIQUE,
      recordedBy TEXT NOT NULL,
      at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX payments_bill ON payments(billId, at);
    CREATE INDEX payments_day ON payments(at);
    CREATE TRIGGER payments_immutable BEFORE UPDATE OF amount, billId, kind, mode ON payments BEGIN
      SELECT RAISE(ABORT, 'payments are never edited; record a refund');
    END;

    CREATE TABLE waitlist_entries (
      id TEXT PRIMARY KEY,
      patientId TEXT NOT NULL REFERENCES patients(id),
      doctorId TEXT NOT NULL REFERENCES doctors(id),
      fromDate TEXT NOT NULL,
      toDate TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL CHECK (status IN ('WAITING','OFFERED','BOOKED','EXPIRED','CANCELLED')),
      offer TEXT CHECK (offer IS NULL OR json_valid(offer)),
      createdAt TEXT NOT NULL
    ) STRICT;
    CREATE INDEX waitlist_doctor ON waitlist_entries(doctorId, status, createdAt);

    CREATE TABLE notifications (
      id TEXT PRIMARY KEY,
      patientId TEXT,
      kind TEXT NOT NULL,
      channel TEXT NOT NULL CHECK (channel IN ('in_app','sms','email')),
      recipient TEXT NOT NULL,
      subject TEXT NOT NULL,
      body TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('pending','sent','failed','skipped')),
      attempts INTEGER NOT NULL DEFAULT 0,
      lastError TEXT,
      createdAt TEXT NOT NULL,
      sentAt TEXT,
      readAt TEXT
    ) STRICT;
    CREATE INDEX notifications_patient ON notifications(patientId, createdAt);
    CREATE INDEX notifications_state ON notifications(state, createdAt);

    CREATE TABLE attachments (
      id TEXT PRIMARY KEY,
      appointmentId TEXT NOT NULL REFERENCES appointments(id),
      fileName TEXT NOT NULL,
      mimeType TEXT NOT NULL,
      sizeBytes INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      uploadedBy TEXT NOT NULL,
      uploaderRole TEXT NOT NULL,
      at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE attachment_contents (
      attachmentId TEXT PRIMARY KEY REFERENCES attachments(id),
      content BLOB NOT NULL
    ) STRICT;
  `,
};
