import { randomUUID } from 'node:crypto';
import type { Socket as ClientSocket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { type PullResponse, pullResponseSchema } from '@shared/contract/sync.contract';
import type { Db } from '@server/db/database';
import { insertDoctor, insertPatient } from '@server/testing/fixtures';
import { pullChanges } from './pull';
import { send, type SocketTestHub, startSocketHub } from '@server/testing/socket-hub';

let server: SocketTestHub | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const at = '2026-11-23T02:00:00.000Z';
const SECRET_NOTE = 'Suspected early Kawasaki — discuss echo with Dr Rao';
const SECRET_DIAGNOSIS = 'Mucocutaneous lymph node syndrome';

function logChange(db: Db, entity: string, entityId: string, op: 'upsert' | 'delete' = 'upsert') {
  db.sqlite
    .prepare('INSERT INTO changes (entity, entityId, op, at) VALUES (?, ?, ?, ?)')
    .run(entity, entityId, op, at);
}

/** A consultation with distinctive content, written with SQL as a handler would store it. */
function insertConsultation(db: Db, status: 'draft' | 'finalized' = 'draft') {
  const doctor = insertDoctor(db);
  const patient = insertPatient(db);
  const appointmentId = randomUUID();
  const startMs = Date.parse('2026-11-23T03:30:00.000Z');
  db.sqlite
    .prepare(
      `INSERT INTO appointments (id, patientId, doctorId, startsAt, endsAt, startMs, endMs, clinicDate,
        bufferBeforeMinutes, bufferAfterMinutes, type, mode, status, bookedVia, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, '2026-11-23', 0, 0, 'NEW_VISIT', 'IN_PERSON', 'CHECKED_IN', 'staff', ?, ?)`,
    )
    .run(
      appointmentId,
      patient.id,
      doctor.id,
      new Date(startMs).toISOString(),
      new Date(startMs + 1_800_000).toISOString(),
      startMs,
      startMs + 1_800_000,
      at,
      at,
    );
  const id = randomUUID();
  const signed = status === 'finalized';
  db.sqlite
    .prepare(
      `INSERT INTO consultations (id, appointmentId, patientId, doctorId, status, chiefComplaint, vitals,
        examinationNotes, diagnosis, clinicalNotes, advice, signedBy, signedAt, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, ?, 'fever for five days', ?, 'strawberry tongue', ?, ?, 'rest, fluids', ?, ?, ?, ?)`,
    )
    .run(
      id,
      appointmentId,
      patient.id,
      doctor.id,
      status,
      JSON.stringify({ temperatureC: 39.4, pulse: 118 }),
      JSON.stringify([{ text: SECRET_DIAGNOSIS, code: null }]),
      SECRET_NOTE,
      signed ? doctor.id : null,
      signed ? at : null,
      at,
      at,
    );
  logChange(db, 'appointments', appointmentId);
  logChange(db, 'consultations', id);
  return { id, appointmentId, patient, doctor };
}

/** Pulls one page and returns it with the exact text that travelled on the wire. */
async function pullOver(
  socket: ClientSocket,
  request: object,
): Promise<{ page: PullResponse; wire: string }> {
  const frames: string[] = [];
  const capture = (packet: { data?: unknown }) => frames.push(String(packet.data));
  socket.io.engine.on('packet', capture);
  const reply = await send<PullResponse>(socket, 'sync.pull', request);
  socket.io.engine.off('packet', capture);
  if (!reply.ok) throw new Error(`pull refused: ${reply.error.message}`);
  return { page: pullResponseSchema.parse(reply.result), wire: frames.join('\n') };
}

describe('sync pull', () => {
  it('pages through the change log with a cursor, one latest change per record', async () => {
    server = await startSocketHub();
    const { db } = server.hub;
    const epoch = server.hub.core.identity().epoch;
    const doctors = [1, 2, 3, 4].map((n) => insertDoctor(db, { fullName: `Dr Number ${n}` }));
    for (const doctor of doctors) logChange(db, 'doctors', doctor.id);
    db.sqlite.prepare("UPDATE doctors SET fullName = 'Dr Renamed' WHERE id = ?").run(doctors[0]!.id);
    logChange(db, 'doctors', doctors[0]!.id);
    const total = (db.sqlite.prepare('SELECT max(seq) AS n FROM changes').get() as { n: number }).n;

    const socket = await server.connect({ token: server.hub.admin.token, clientId: 'admin-client-1' });
    const seen: PullResponse['changes'] = [];
    let cursor = 0;
    let pages = 0;
    for (;;) {
      const { page } = await pullOver(socket, { epoch, cursor, limit: 3 });
      pages += 1;
      expect(page.resetRequired).toBe(false);
      expect(page.nextCursor).toBeGreaterThan(cursor);
      seen.push(...page.changes);
      cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
    expect(pages).toBe(Math.ceil(total / 3));
    expect(cursor).toBe(total);
    // The renamed doctor travels in its current state (its first change was in an earlier page).
    const renamed = seen.filter((c) => c.entityId === doctors[0]!.id);
    expect(renamed.at(-1)?.row).toMatchObject({
      fullName: 'Dr Renamed',
      fees: { newVisit: 50_000, followUp: 30_000 },
      active: true,
    });
    expect(seen.find((c) => c.entity === 'settings')?.row).toMatchObject({ clinicName: 'Sunrise Clinic' });

    const empty = await pullOver(socket, { epoch, cursor, limit: 3 });
    expect(empty.page).toMatchObject({ changes: [], nextCursor: total, hasMore: false, lastMutationId: 0 });

    // Within one page a record appears once; a deleted record travels as a delete.
    db.sqlite
      .prepare(
        "INSERT INTO rooms (id, name, type, status) VALUES ('r1', 'Room 1', 'consultation', 'available')",
      )
      .run();
    logChange(db, 'rooms', 'r1');
    db.sqlite.prepare("DELETE FROM rooms WHERE id = 'r1'").run();
    logChange(db, 'rooms', 'r1', 'delete');
    const { page } = await pullOver(socket, { epoch, cursor, limit: 10 });
    expect(page.changes).toEqual([
      { seq: total + 2, entity: 'rooms', entityId: 'r1', op: 'delete', row: null },
    ]);
  });

  it("never sends consultation content to a receptionist, not even on the wire; a doctor's pull has it", async () => {
    server = await startSocketHub();
    const consultation = insertConsultation(server.hub.db);
    const epoch = server.hub.core.identity().epoch;
    const receptionist = await server.hub.signIn('receptionist');
    const doctor = await server.hub.signIn('doctor');
    const nurse = await server.hub.signIn('nurse');

    const asReceptionist = await pullOver(await server.connect({ token: receptionist.token }), {
      epoch,
      cursor: 0,
    });
    expect(asReceptionist.wire).toContain(consultation.appointmentId);
    expect(asReceptionist.wire).not.toContain(SECRET_NOTE);
    expect(asReceptionist.wire).not.toContain(SECRET_DIAGNOSIS);
    expect(asReceptionist.wire).not.toContain('strawberry tongue');
    expect(asReceptionist.wire).not.toContain(consultation.id);
    expect(asReceptionist.page.changes.some((c) => c.entity === 'consultations')).toBe(false);
    const staffUser = asReceptionist.page.changes.find((c) => c.entity === 'users')?.row;
    expect(Object.keys(staffUser ?? {}).sort()).toEqual([
      'disabled',
      'displayName',
      'doctorId',
      'id',
      'patientId',
      'role',
      'username',
    ]);

    const asDoctor = await pullOver(await server.connect({ token: doctor.token }), { epoch, cursor: 0 });
    expect(asDoctor.wire).toContain(SECRET_NOTE);
    expect(asDoctor.page.changes.find((c) => c.entity === 'consultations')?.row).toMatchObject({
      clinicalNotes: SECRET_NOTE,
      diagnosis: [{ text: SECRET_DIAGNOSIS, code: null }],
      vitals: { temperatureC: 39.4, pulse: 118 },
    });

    const asNurse = await pullOver(await server.connect({ token: nurse.token }), { epoch, cursor: 0 });
    expect(asNurse.wire).not.toContain(SECRET_NOTE);
    expect(asNurse.wire).not.toContain(SECRET_DIAGNOSIS);
    expect(asNurse.page.changes.find((c) => c.entity === 'consultations')?.row).toEqual({
      id: consultation.id,
      appointmentId: consultation.appointmentId,
      patientId: consultation.patient.id,
      doctorId: consultation.doctor.id,
      status: 'draft',
      signedAt: null,
      signedBy: null,
      vitals: { temperatureC: 39.4, pulse: 118 },
      createdAt: at,
      updatedAt: at,
    });
  });

  it('asks a client on another epoch to reset; refuses an anonymous pull', async () => {
    server = await startSocketHub();
    const socket = await server.connect({ token: server.hub.admin.token });
    const epoch = server.hub.core.identity().epoch;
    const { page } = await pullOver(socket, { epoch: epoch + 5, cursor: 40 });
    expect(page).toMatchObject({
      resetRequired: true,
      changes: [],
      nextCursor: 0,
      epoch,
      hubId: server.hub.core.identity().hubId,
    });
    const anonymous = await server.connect({});
    expect(await send(anonymous, 'sync.pull', { epoch, cursor: 0 })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(await send(socket, 'sync.pull', { epoch, cursor: -1 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ field: 'cursor' }] },
    });
  });

  it('gives a patient only their own rows, and a consultation only once it is signed', async () => {
    server = await startSocketHub();
    const { db, core } = server.hub;
    const mine = insertConsultation(db, 'draft');
    const theirs = insertConsultation(db, 'finalized');
    const actor = {
      userId: randomUUID(),
      role: 'patient' as const,
      doctorId: null,
      patientId: mine.patient.id,
      deviceId: 'phone',
    };
    const request = { epoch: core.identity().epoch, cursor: 0 };

    const draft = pullChanges(core, actor, null, request);
    expect(draft.changes.map((c) => c.entity).sort()).toEqual(['appointments', 'settings']);
    expect(draft.changes.find((c) => c.entity === 'appointments')?.entityId).toBe(mine.appointmentId);
    expect(JSON.stringify(draft)).not.toContain(theirs.appointmentId);

    db.sqlite
      .prepare(
        "UPDATE consultations SET status = 'finalized', signedBy = doctorId, signedAt = ? WHERE id = ?",
      )
      .run(at, mine.id);
    logChange(db, 'consultations', mine.id);
    const signed = pullChanges(core, actor, null, request);
    const summary = signed.changes.find((c) => c.entity === 'consultations')?.row;
    expect(summary).toMatchObject({
      id: mine.id,
      diagnosis: [{ text: SECRET_DIAGNOSIS, code: null }],
      advice: 'rest, fluids',
    });
    expect(JSON.stringify(signed)).not.toContain(SECRET_NOTE);
    expect(JSON.stringify(signed)).not.toContain('strawberry tongue');
  });

  it('gives a patient the rows of their own visits and bills through those parents only', async () => {
    server = await startSocketHub();
    const { db, core } = server.hub;
    const visits = [insertConsultation(db, 'draft'), insertConsultation(db, 'draft')];
    const ids = visits.map((visit) => {
      const transitionId = randomUUID();
      db.sqlite
        .prepare(
          `INSERT INTO status_transitions (id, appointmentId, "from", "to", actorUserId, actorRole, deviceId, at)
           VALUES (?, ?, 'CONFIRMED', 'CHECKED_IN', 'u-1', 'receptionist', 'desk', ?)`,
        )
        .run(transitionId, visit.appointmentId, at);
      const billId = randomUUID();
      db.sqlite
        .prepare(
          `INSERT INTO bills (id, patientId, appointmentId, doctorId, currency, subtotal, discountTotal, total,
            paid, outstanding, status, createdAt, updatedAt)
           VALUES (?, ?, ?, ?, 'INR', 500, 0, 500, 0, 500, 'PENDING', ?, ?)`,
        )
        .run(billId, visit.patient.id, visit.appointmentId, visit.doctor.id, at, at);
      const itemId = randomUUID();
      db.sqlite
        .prepare(
          `INSERT INTO bill_items (id, billId, position, kind, description, quantity, unitPrice)
           VALUES (?, ?, 0, 'consultation', 'Consultation', 1, 500)`,
        )
        .run(itemId, billId);
      for (const [entity, id] of [
        ['status_transitions', transitionId],
        ['bills', billId],
        ['bill_items', itemId],
      ] as const)
        logChange(db, entity, id);
      return { transitionId, billId, itemId };
    });
    const [mine, theirs] = ids as [(typeof ids)[number], (typeof ids)[number]];
    const actor = {
      userId: randomUUID(),
      role: 'patient' as const,
      doctorId: null,
      patientId: visits[0]!.patient.id,
      deviceId: 'phone',
    };

    const page = pullChanges(core, actor, null, { epoch: core.identity().epoch, cursor: 0 });
    const idsOf = (entity: string) => page.changes.filter((c) => c.entity === entity).map((c) => c.entityId);
    expect(idsOf('status_transitions')).toEqual([mine.transitionId]);
    expect(idsOf('bills')).toEqual([mine.billId]);
    expect(idsOf('bill_items')).toEqual([mine.itemId]);
    for (const id of Object.values(theirs)) expect(JSON.stringify(page)).not.toContain(id);
  });
});
