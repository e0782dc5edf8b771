import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { pushResponseSchema } from '@shared/contract/sync.contract';
import { insertPatient } from '@server/testing/fixtures';
import {
  registerPatientMutation,
  send,
  type SocketTestHub,
  startSocketHub,
} from '@server/testing/socket-hub';
import type { PushResult } from './push';

let server: SocketTestHub | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const clientId = 'desktop-client-0001';

async function adminSocket() {
  server = await startSocketHub();
  const socket = await server.connect({
    token: server.hub.admin.token,
    deviceId: 'admin-desktop',
    clientId,
  });
  return { socket, hub: server.hub, epoch: server.hub.core.identity().epoch };
}

async function push(socket: Awaited<ReturnType<typeof adminSocket>>['socket'], body: object) {
  const reply = await send<PushResult>(socket, 'sync.push', body);
  if (!reply.ok) throw new Error(`push refused: ${reply.error.code} ${reply.error.message}`);
  return pushResponseSchema.parse(reply.result);
}

const count = (hub: SocketTestHub['hub'], sql: string, ...params: unknown[]) =>
  (hub.db.sqlite.prepare(sql).get(...params) as { n: number }).n;

describe('sync push', () => {
  it('applies a mutation once; a re-sent duplicate gets the stored outcome', async () => {
    const { socket, hub, epoch } = await adminSocket();
    const mutation = registerPatientMutation(1, 'Rita');
    const first = await push(socket, { clientId, epoch, mutations: [mutation] });
    expect(first.gap).toBe(false);
    expect(first.lastMutationId).toBe(1);
    expect(first.outcomes).toEqual([
      { mutationId: 1, status: 'applied', result: expect.objectContaining({ fullName: 'Rita' }) as unknown },
    ]);

    const again = await push(socket, {
      clientId,
      epoch,
      mutations: [mutation, registerPatientMutation(2, 'Sam')],
    });
    expect(again.outcomes[0]).toEqual(first.outcomes[0]);
    expect(again.outcomes[1]).toMatchObject({ mutationId: 2, status: 'applied' });
    expect(again.lastMutationId).toBe(2);
    expect(count(hub, "SELECT count(*) AS n FROM patients WHERE fullName = 'Rita'")).toBe(1);
    expect(count(hub, "SELECT count(*) AS n FROM audit_log WHERE action = 'patients.register'")).toBe(2);

    const client = hub.db.sqlite.prepare('SELECT * FROM sync_clients WHERE clientId = ?').get(clientId);
    expect(client).toMatchObject({
      lastMutationId: 2,
      userId: expect.any(String) as unknown,
      kind: 'desktop',
    });
    const hello = await send<{ lastMutationId: number }>(socket, 'hello');
    expect(hello).toMatchObject({ ok: true, result: { lastMutationId: 2 } });
  });

  it('refuses a batch that starts after a gap, applying nothing', async () => {
    const { socket, hub, epoch } = await adminSocket();
    await push(socket, { clientId, epoch, mutations: [registerPatientMutation(1, 'Rita')] });
    const gap = await push(socket, { clientId, epoch, mutations: [registerPatientMutation(3, 'Tom')] });
    expect(gap).toEqual({ outcomes: [], lastMutationId: 1, gap: true });
    expect(count(hub, "SELECT count(*) AS n FROM patients WHERE fullName = 'Tom'")).toBe(0);

    // Mid-batch gap: what came before it is processed, the rest waits for the missing one.
    const partial = await push(socket, {
      clientId,
      epoch,
      mutations: [registerPatientMutation(2, 'Sam'), registerPatientMutation(4, 'Uma')],
    });
    expect(partial.gap).toBe(true);
    expect(partial.lastMutationId).toBe(2);
    expect(partial.outcomes.map((o) => o.mutationId)).toEqual([2]);
  });

  it('stores a mutation that can never succeed as rejected, with its reason, and moves on', async () => {
    const { socket, hub, epoch } = await adminSocket();
    const existing = insertPatient(hub.db);
    const taken = registerPatientMutation(1, 'Asha Rao', existing.id);
    const result = await push(socket, {
      clientId,
      epoch,
      mutations: [
        taken, // the patient's id is taken
        { mutationId: 2, name: 'users.list', input: {}, createdAt: '2026-11-23T02:00:00.000Z' },
        { mutationId: 3, name: 'users.explode', input: {}, createdAt: '2026-11-23T02:00:00.000Z' },
        { ...registerPatientMutation(4, 'Zed'), input: { id: existing.id } },
        registerPatientMutation(5, 'Rita'),
      ],
    });
    expect(result.lastMutationId).toBe(5);
    expect(result.outcomes.map((o) => [o.status, o.status === 'rejected' ? o.error.code : null])).toEqual([
      ['rejected', 'CONFLICT'],
      ['rejected', 'VALIDATION'],
      ['rejected', 'VALIDATION'],
      ['rejected', 'VALIDATION'],
      ['applied', null],
    ]);
    expect(result.outcomes[0]).toMatchObject({
      error: { message: 'This patient record already exists; open it instead of registering again.' },
    });

    const stored = hub.db.sqlite
      .prepare('SELECT mutationId, name, status, response FROM processed_mutations WHERE clientId = ?')
      .all(clientId) as { mutationId: number; status: string; response: string }[];
    expect(stored.map((row) => row.status)).toEqual([
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'applied',
    ]);
    expect(JSON.parse(stored[0]!.response)).toEqual(result.outcomes[0]);

    const resent = await push(socket, { clientId, epoch, mutations: [taken] });
    expect(resent.outcomes).toEqual([result.outcomes[0]]);
  });

  it("authorizes from the session: a receptionist cannot push a doctor's commands, an anonymous socket nothing", async () => {
    server = await startSocketHub();
    const { epoch } = server.hub.core.identity();
    const receptionist = await server.hub.signIn('receptionist');
    const socket = await server.connect({ token: receptionist.token, clientId });
    const doctorsOnly = {
      mutationId: 1,
      name: 'prescriptions.deleteTemplate',
      input: { id: randomUUID() },
      createdAt: '2026-11-23T02:00:00.000Z',
    };
    const result = await push(socket, { clientId, epoch, mutations: [doctorsOnly] });
    expect(result.outcomes[0]).toMatchObject({ status: 'rejected', error: { code: 'FORBIDDEN' } });

    const anonymous = await server.connect({ clientId: 'anonymous-client' });
    const refused = await send(anonymous, 'sync.push', {
      clientId: 'anonymous-client',
      epoch,
      mutations: [registerPatientMutation(1, 'Mallory')],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const otherClient = await send(socket, 'sync.push', {
      clientId: 'someone-elses-client',
      epoch,
      mutations: [registerPatientMutation(2, 'Mallory')],
    });
    expect(otherClient).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses a push made against another epoch, so the client resets first', async () => {
    const { socket, epoch } = await adminSocket();
    const reply = await send(socket, 'sync.push', {
      clientId,
      epoch: epoch + 1,
      mutations: [registerPatientMutation(1, 'Rita')],
    });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: [{ field: 'epoch' }] },
    });
    expect(await send(socket, 'sync.push', { clientId, epoch })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ field: 'mutations' }] },
    });
  });

  it('applies a batch sent twice at once (two connections of one client) only once', async () => {
    const { socket, hub, epoch } = await adminSocket();
    const twin = await server!.connect({ token: hub.admin.token, deviceId: 'admin-desktop', clientId });
    const batch = {
      clientId,
      epoch,
      mutations: [1, 2, 3].map((n) => registerPatientMutation(n, `Twin ${n}`)),
    };
    const [a, b] = await Promise.all([push(socket, batch), push(twin, batch)]);
    expect(a.outcomes).toEqual(b.outcomes);
    expect(count(hub, "SELECT count(*) AS n FROM patients WHERE fullName LIKE 'Twin %'")).toBe(3);
  });

  it('applies and records a mutation together: a failure while recording leaves no trace', async () => {
    // Stands in for a crash between applying and recording: the record's insert fails, inside
    // the handler's transaction, so the change is rolled back with it and a re-push applies it once.
    const { socket, hub, epoch } = await adminSocket();
    const patient = insertPatient(hub.db, { fullName: 'Anita Rao' });
    const rename = {
      mutationId: 1,
      name: 'patients.update',
      input: { id: patient.id, details: { fullName: 'Anita A. Rao' } },
      createdAt: '2026-11-23T02:00:00.000Z',
    };
    hub.db.sqlite.exec(`CREATE TRIGGER crash BEFORE INSERT ON processed_mutations
      BEGIN SELECT RAISE(ABORT, 'simulated crash'); END`);
    const crashed = await send(socket, 'sync.push', { clientId, epoch, mutations: [rename] });
    expect(crashed).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const fullName = () =>
      (
        hub.db.sqlite.prepare('SELECT fullName FROM patients WHERE id = ?').get(patient.id) as {
          fullName: string;
        }
      ).fullName;
    expect(fullName()).toBe('Anita Rao');
    expect(count(hub, "SELECT count(*) AS n FROM audit_log WHERE action = 'patients.update'")).toBe(0);
    hub.db.sqlite.exec('DROP TRIGGER crash');

    const retried = await push(socket, { clientId, epoch, mutations: [rename] });
    expect(retried).toMatchObject({ lastMutationId: 1, outcomes: [{ status: 'applied' }] });
    const again = await push(socket, { clientId, epoch, mutations: [rename] });
    expect(again.outcomes).toEqual(retried.outcomes);
    expect(fullName()).toBe('Anita A. Rao');
    expect(count(hub, "SELECT count(*) AS n FROM audit_log WHERE action = 'patients.update'")).toBe(1);
  });

  it('refuses a pushed online-only command unrun, naming it, and moves on', async () => {
    // A desktop never queues an online-only operation (its contract says so): a push of one is refused.
    const { socket, hub, epoch } = await adminSocket();
    const onlineOnly = {
      mutationId: 1,
      name: 'users.create',
      input: {
        id: randomUUID(),
        username: 'rita',
        displayName: 'Rita',
        role: 'receptionist',
        password: 'correct horse battery',
      },
      createdAt: '2026-11-23T02:00:00.000Z',
    };
    const userChanges = () => count(hub, "SELECT count(*) AS n FROM changes WHERE entity = 'users'");
    const before = userChanges();
    const result = await push(socket, {
      clientId,
      epoch,
      mutations: [onlineOnly, registerPatientMutation(2, 'Rita')],
    });
    expect(result.lastMutationId).toBe(2);
    expect(result.outcomes[0]).toEqual({
      mutationId: 1,
      status: 'rejected',
      error: {
        code: 'VALIDATION',
        message:
          'users.create needs the hub online and cannot be queued; call it directly instead of pushing it.',
      },
    });
    expect(result.outcomes[1]).toMatchObject({ mutationId: 2, status: 'applied' });
    expect(count(hub, "SELECT count(*) AS n FROM users WHERE username = 'rita'")).toBe(0);
    expect(count(hub, "SELECT count(*) AS n FROM audit_log WHERE action = 'users.create'")).toBe(0);
    expect(userChanges()).toBe(before);
    const stored = hub.db.sqlite
      .prepare('SELECT mutationId, status FROM processed_mutations WHERE clientId = ? ORDER BY mutationId')
      .all(clientId);
    expect(stored).toEqual([
      { mutationId: 1, status: 'rejected' },
      { mutationId: 2, status: 'applied' },
    ]);
  });

  it('keeps the client row current: user, device name, last seen', async () => {
    server = await startSocketHub();
    const socket = await server.connect({
      token: server.hub.admin.token,
      clientId: 'named-client-01',
      kind: 'browser',
    });
    const row = server.hub.db.sqlite
      .prepare('SELECT userId, kind, lastSeenAt, lastMutationId FROM sync_clients WHERE clientId = ?')
      .get('named-client-01');
    expect(row).toMatchObject({ kind: 'browser', lastSeenAt: '2026-11-23T02:30:00.000Z', lastMutationId: 0 });
    expect(socket.connected).toBe(true);
  });
});
