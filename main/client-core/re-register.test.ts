import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { provisionalPatientCode } from '@shared/rules/patient-identity';
import { Outbox } from './outbox';
import { reRegisterClient } from './re-register';
import { openReplica, type Replica } from './replica';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-reregister-'));
  dirs.push(dir);
  return dir;
};

const OLD = '11111111-1111-4111-8111-1111111111aa';
const NEW = '22222222-2222-4222-8222-2222222222bb';

function queue(replica: Replica, outbox: Outbox, name: string, input: unknown) {
  replica.db.transaction(() => {
    const mutationId = outbox.allocate(OLD);
    const actor = {
      userId: 'u1',
      role: 'receptionist',
      doctorId: null,
      patientId: null,
      deviceId: 'pc',
    } as const;
    outbox.insert({
      clientId: OLD,
      mutationId,
      userId: 'u1',
      actor,
      name,
      input,
      createdAt: '2026-11-23T02:30:00.000Z',
    });
  });
}

describe('re-registering a sync client on the desktop', () => {
  it('moves only unacknowledged changes, renumbered from 1 with their origin; provisional codes are made again', () => {
    const replica = openReplica(join(tempDir(), 'replica.db'));
    try {
      const outbox = new Outbox(replica.db);
      replica.db.sqlite
        .prepare(
          `INSERT INTO client_users (username, userId, verifier, token, actor, clientId, nextMutationId, updatedAt)
           VALUES ('reena', 'u1', 'v', NULL, '{}', ?, 1, '2026-11-23T02:30:00.000Z')`,
        )
        .run(OLD);
      queue(replica, outbox, 'appointments.cancel', { id: 'a1' });
      outbox.markAcked(OLD, 1);
      const code = provisionalPatientCode(OLD, 1);
      queue(replica, outbox, 'patients.register', { id: 'p1', provisionalCode: code, details: {} });
      queue(replica, outbox, 'queue.checkIn', { appointmentId: 'a2' });

      expect(reRegisterClient(replica, OLD, NEW)).toBe(2);
      const rows = outbox.all().map((r) => [r.clientId, r.mutationId, r.state, r.origin]);
      expect(rows).toEqual([
        [OLD, 1, 'acked', null],
        [NEW, 1, 'pending', OLD],
        [NEW, 2, 'pending', OLD],
      ]);
      expect(outbox.pending(NEW, 10).map((m) => [m.mutationId, m.origin])).toEqual([
        [1, OLD],
        [2, OLD],
      ]);
      expect(outbox.get(NEW, 1)?.input).toEqual({
        id: 'p1',
        provisionalCode: provisionalPatientCode(NEW, 1),
        details: {},
      });
      expect(outbox.allocate(NEW)).toBe(3);
      // The old id's acknowledged change goes with the next complete pull.
      expect(outbox.dropAcked(NEW)).toBe(1);
    } finally {
      replica.close();
    }
  });

  it('adds the outbox origin column to a replica made before it existed', () => {
    const file = join(tempDir(), 'replica.db');
    const old = new BetterSqlite3(file);
    old.exec(`CREATE TABLE client_outbox (
      seq INTEGER PRIMARY KEY AUTOINCREMENT, clientId TEXT NOT NULL, mutationId INTEGER NOT NULL,
      userId TEXT NOT NULL, actor TEXT NOT NULL, name TEXT NOT NULL, input TEXT NOT NULL,
      createdAt TEXT NOT NULL, state TEXT NOT NULL CHECK (state IN ('pending','acked')),
      UNIQUE (clientId, mutationId)) STRICT`);
    old.close();
    const replica = openReplica(file);
    try {
      const columns = replica.columns('client_outbox').map((c) => c.name);
      expect(columns).toContain('origin');
    } finally {
      replica.close();
    }
  });
});
