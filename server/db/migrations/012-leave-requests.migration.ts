/**
 * Doctors' leave requests (setting `doctorLeave: 'doctorsRequest'`): a doctor asks for leave on
 * dates (or part of one date) and the front desk or admin approves or declines. Hub-only, never
 * synced: the reason may be private, and approving changes schedules, which needs the hub.
 * Frozen once released.
 */
export const leaveRequestsMigration = {
  name: '012-leave-requests',
  sql: `
    CREATE TABLE leave_requests (
      id TEXT PRIMARY KEY,
      doctorId TEXT NOT NULL REFERENCES doctors(id),
      fromDate TEXT NOT NULL,
      toDate TEXT NOT NULL,
      window TEXT CHECK (window IS NULL OR json_valid(window)),
      reason TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'declined', 'withdrawn')),
      requestedBy TEXT NOT NULL REFERENCES users(id),
      createdAt TEXT NOT NULL,
      decidedBy TEXT REFERENCES users(id),
      decidedAt TEXT,
      decisionNote TEXT NOT NULL DEFAULT '',
      CHECK (toDate >= fromDate),
      CHECK ((status = 'pending') = (decidedAt IS NULL))
    ) STRICT;
    CREATE INDEX leave_requests_doctor ON leave_requests (doctorId, status, fromDate);
    CREATE INDEX leave_requests_status ON leave_requests (status, fromDate);
  `,
};
