import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { send, type SocketTestHub, startSocketHub } from '@server/testing/socket-hub';

let server: SocketTestHub | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const read = (id = randomUUID()) => ({
  id,
  at: '2026-11-23T04:00:00.000Z',
  action: 'consultations.get',
  entity: 'consultation',
  entityId: randomUUID(),
  patientId: randomUUID(),
  details: { appointmentId: randomUUID() },
});

function readAudits(hub: SocketTestHub['hub']) {
  return hub.db.sqlite.prepare("SELECT * FROM audit_log WHERE kind = 'read' ORDER BY seq").all() as {
    actorUserId: string;
    actorRole: string;
    deviceId: string;
    at: string;
    details: string;
  }[];
}

describe('sync.reads: reads served from a desktop replica, for the audit log', () => {
  it('audits each read once, as the session’s user and device, however often it is sent', async () => {
    server = await startSocketHub();
    const doctor = await server.hub.signIn('doctor', { username: 'dr.rao' });
    const socket = await server.connect({ token: doctor.token, deviceId: doctor.deviceId });
    const first = read();
    const second = read();
    const reply = await send(socket, 'sync.reads', { reads: [first, second] });
    expect(reply).toEqual({ ok: true, result: { recorded: [first.id, second.id] } });
    expect(await send(socket, 'sync.reads', { reads: [first] })).toEqual({
      ok: true,
      result: { recorded: [first.id] },
    });

    const audits = readAudits(server.hub);
    expect(audits).toHaveLength(2);
    for (const audit of audits) {
      expect(audit).toMatchObject({
        actorUserId: doctor.userId,
        actorRole: 'doctor',
        deviceId: doctor.deviceId,
      });
      expect(audit.at).toBe(first.at);
      expect(JSON.parse(audit.details)).toMatchObject({ servedFrom: 'desktop replica' });
    }
    expect(server.hub.core.audit.verify().ok).toBe(true);
  });

  it('refuses a reader named in the payload, too many reads, and clients without a session, writing nothing', async () => {
    server = await startSocketHub();
    const doctor = await server.hub.signIn('doctor');
    const socket = await server.connect({ token: doctor.token, deviceId: doctor.deviceId });
    const forged = await send(socket, 'sync.reads', { reads: [{ ...read(), actorUserId: 'someone-else' }] });
    expect(forged).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(JSON.stringify(forged)).toContain('actorUserId');
    const flood = await send(socket, 'sync.reads', { reads: Array.from({ length: 501 }, () => read()) });
    expect(flood).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const anonymous = await server.connect({});
    expect(await send(anonymous, 'sync.reads', { reads: [read()] })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(readAudits(server.hub)).toHaveLength(0);
  });
});
