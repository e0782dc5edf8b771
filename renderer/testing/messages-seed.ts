import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { smsSize } from '@shared/rules/sms-segments';

export interface SeededMessages {
  patient: { id: string; fullName: string; code: string };
  /** The failed e-mail (its reason is `failedReason`). */
  failedId: string;
  failedReason: string;
  /** The Hindi SMS (UCS-2: more than one segment). */
  hindiSmsId: string;
  /** A failed SMS (the simulated gateway sends it when retried). */
  failedSmsId: string;
  failedSmsReason: string;
}

/**
 * Writes a few outbox rows into a stopped hub's data folder, as the message planner and the
 * delivery worker leave them: one patient's sent, failed, pending and skipped messages on each
 * channel, made in the last hour (the browser and the demo hub keep the real time).
 */
export function seedMessages(dataDir: string, now = Date.now()): SeededMessages {
  const db = new BetterSqlite3(join(dataDir, 'clinic.db'));
  try {
    const patient = db
      .prepare(
        "SELECT id, fullName, code, phone FROM patients WHERE phone IS NOT NULL AND code LIKE 'PAT%' ORDER BY code LIMIT 1",
      )
      .get() as { id: string; fullName: string; code: string; phone: string };
    const other = db
      .prepare('SELECT id FROM patients WHERE id <> ? ORDER BY code LIMIT 1')
      .get(patient.id) as { id: string };
    const email = `${patient.fullName.split(' ')[0]!.toLowerCase()}@example.in`;
    const insert = db.prepare(`
      INSERT INTO notifications (id, dedupeKey, patientId, kind, channel, language, recipient, subject, body,
        segments, state, reason, attempts, dueMs, nextAttemptMs, createdAt, updatedAt, sentAt)
      VALUES (@id, @dedupeKey, @patientId, @kind, @channel, @language, @recipient, @subject, @body,
        @segments, @state, @reason, @attempts, @dueMs, @nextAttemptMs, @createdAt, @createdAt, @sentAt)`);
    let minutesAgo = 60;
    const add = (row: {
      patientId?: string;
      kind: string;
      channel: 'sms' | 'email' | 'in_app';
      language?: 'en' | 'hi';
      recipient: string;
      subject?: string;
      body: string;
      state: 'pending' | 'sent' | 'failed' | 'skipped';
      reason?: string | null;
      attempts?: number;
      dueMs?: number;
    }) => {
      const id = randomUUID();
      const made = now - (minutesAgo -= 7) * 60_000;
      const createdAt = new Date(made).toISOString();
      insert.run({
        id,
        dedupeKey: `seed:${id}:${row.channel}`,
        patientId: row.patientId ?? patient.id,
        language: 'en',
        subject: '',
        segments: row.channel === 'sms' ? smsSize(row.body).segments : null,
        reason: null,
        attempts: row.state === 'pending' ? 0 : 1,
        dueMs: made,
        nextAttemptMs: row.dueMs ?? made,
        createdAt,
        sentAt: row.state === 'sent' ? createdAt : null,
        ...row,
      });
      return id;
    };
    const failedSmsReason = 'The SMS gateway did not answer within 30 s (3 attempts)';
    const failedSmsId = add({
      kind: 'booking_confirmed',
      channel: 'sms',
      recipient: patient.phone,
      body: `Sunrise Family Clinic: ${patient.fullName}, your requested appointment K-0041 is confirmed.`,
      state: 'failed',
      reason: failedSmsReason,
      attempts: 3,
    });
    add({
      kind: 'booking_confirmation',
      channel: 'sms',
      recipient: patient.phone,
      body: `Sunrise Family Clinic: ${patient.fullName}, your appointment K-0042 with Dr. Kavitha Iyer is on Tue 8 Dec at 10:30. Reply or call 080 4123 4567 to change it.`,
      state: 'sent',
    });
    const failedReason = `550 5.1.1 <${email}>: Recipient address rejected: mailbox unavailable`;
    const failedId = add({
      kind: 'reminder',
      channel: 'email',
      recipient: email,
      subject: 'Reminder: your appointment tomorrow at 10:30',
      body: `Dear ${patient.fullName},\n\nThis is a reminder of your appointment K-0042 with Dr. Kavitha Iyer\ntomorrow, Tue 8 Dec, at 10:30.\n\nSunrise Family Clinic\n12 MG Road, Bengaluru`,
      state: 'failed',
      reason: failedReason,
    });
    const hindiSmsId = add({
      kind: 'payment_receipt',
      channel: 'sms',
      language: 'hi',
      recipient: patient.phone,
      body: `सनराइज़ फ़ैमिली क्लिनिक: ${patient.fullName}, ₹500 का भुगतान मिला (रसीद R-0107)। रसीद ऐप में देखें। धन्यवाद!`,
      state: 'sent',
    });
    add({
      kind: 'prescription_ready',
      channel: 'in_app',
      recipient: patient.id,
      subject: 'Your prescription is ready',
      body: 'Your prescription from Dr. Kavitha Iyer is ready. Open it under Visits.',
      state: 'sent',
    });
    add({
      kind: 'reminder',
      channel: 'sms',
      recipient: patient.phone,
      body: 'Sunrise Family Clinic: reminder - K-0042 with Dr. Kavitha Iyer tomorrow at 10:30.',
      state: 'pending',
      dueMs: now + 6 * 3_600_000,
    });
    add({
      patientId: other.id,
      kind: 'booking_confirmation',
      channel: 'email',
      recipient: '',
      subject: 'Your appointment',
      body: 'Your appointment K-0043 is on Tue 8 Dec at 11:00.',
      state: 'skipped',
      reason: 'No e-mail address on record',
      attempts: 0,
    });
    return { patient, failedId, failedReason, hindiSmsId, failedSmsId, failedSmsReason };
  } finally {
    db.close();
  }
}
