import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callOver, connectTo } from '@server/testing/socket-hub';
import {
  type Clinic,
  type Desktop,
  hubDown,
  hubUp,
  newDesktop,
  removeDesktopDirs,
  settled,
  signedIn,
  startClinic,
  TEST_PASSWORD,
  waitFor,
} from '@main/client-core/testing/clinic';

const tsx = ['--import', 'tsx'];
const children: ChildProcess[] = [];

function run(args: string[], ready: RegExp): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...tsx, ...args], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (data: Buffer) => {
      out += data.toString();
      if (ready.test(out)) resolve(child);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`process exited (${code}) before ready: ${out.slice(-2000)}`)),
    );
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('client core across process deaths', { timeout: 120_000 }, () => {
  let clinic: Clinic | undefined;
  const desktops: Desktop[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const d of desktops.splice(0)) await d.close();
    for (const child of children.splice(0)) await killed(child);
    await clinic?.close();
    clinic = undefined;
    removeDesktopDirs();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('loses nothing when the desktop is killed between its local commit and the push', async () => {
    clinic = await startClinic();
    const first = newDesktop(clinic.server.url, 'doomed');
    await signedIn(first, clinic.users.receptionist);
    await first.close();
    const port = await hubDown(clinic);
    const child = await run(
      [
        'main/client-core/testing/desktop.child.ts',
        first.dir,
        clinic.server.url,
        clinic.users.receptionist,
        TEST_PASSWORD,
        '5',
      ],
      /committed 5/,
    );
    await killed(child);
    await hubUp(clinic, port);
    const again = newDesktop(clinic.server.url, 'doomed', first.dir);
    desktops.push(again);
    await again.core.unlock(clinic.users.receptionist, TEST_PASSWORD);
    await settled([again]);
    const rows = clinic.server.hub.db.sqlite
      .prepare("SELECT fullName FROM patients WHERE fullName LIKE 'Killed Desk %' ORDER BY fullName")
      .all();
    expect(rows).toEqual([0, 1, 2, 3, 4].map((i) => ({ fullName: `Killed Desk ${i}` })));
  });

  it('loses nothing and applies nothing twice when the hub is SIGKILLed during a push', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'clinic-killed-hub-'));
    dirs.push(dataDir);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const hubArgs = [
      'scripts/hub.ts',
      '--data-dir',
      dataDir,
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--no-mdns',
    ];
    let hub = await run(hubArgs, /LAN sync listening/);
    const socket = await connectTo(url, {});
    const setup = await callOver(socket, 'auth.setup', {
      settings: { clinicName: 'Killed Clinic', timeZone: 'Asia/Kolkata' },
      admin: { username: 'admin', displayName: 'Admin', password: TEST_PASSWORD },
      deviceId: 'setup',
    });
    const admin = await connectTo(url, { token: setup.token });
    await callOver(admin, 'users.create', {
      id: randomUUID(),
      username: 'front',
      displayName: 'Front Desk',
      role: 'receptionist',
      password: TEST_PASSWORD,
    });
    socket.disconnect();
    admin.disconnect();

    const desk = newDesktop(url, 'front');
    desktops.push(desk);
    await desk.core.signIn('front', TEST_PASSWORD);
    await waitFor(() => desk.core.connectionState().online, 'online');
    await killed(hub);
    await waitFor(() => !desk.core.connectionState().online, 'offline');
    const total = 600;
    for (let i = 0; i < total; i++) {
      await desk.core.call('patients.register', {
        id: randomUUID(),
        details: { fullName: `Offline ${i}`, sex: 'unknown' },
      });
    }
    hub = await run(hubArgs, /LAN sync listening/);
    await waitFor(() => desk.core.connectionState().pendingCount < total, 'the push to start', 60_000);
    await killed(hub);
    hub = await run(hubArgs, /LAN sync listening/);
    await waitFor(
      () => desk.core.connectionState().online && desk.core.connectionState().pendingCount === 0,
      'everything pushed',
      60_000,
    );
    await desk.core.syncNow();
    const check = await connectTo(url, {});
    const login = await callOver(check, 'auth.login', {
      username: 'front',
      password: TEST_PASSWORD,
      deviceId: 'check',
    });
    const reader = await connectTo(url, { token: login.token });
    const found = await callOver(reader, 'patients.search', { text: 'Offline', limit: 100 });
    check.disconnect();
    reader.disconnect();
    expect(found.length).toBe(100);
    expect(desk.core.needsAttention()).toEqual([]);
    await killed(hub);
    const { openDatabase } = await import('@server/db/database');
    const db = openDatabase(join(dataDir, 'clinic.db'));
    const stats = db.sqlite
      .prepare(
        "SELECT count(*) AS n, count(DISTINCT fullName) AS names FROM patients WHERE fullName LIKE 'Offline %'",
      )
      .get();
    db.close();
    expect(stats).toEqual({ n: total, names: total });
    const local = await desk.core.call('patients.search', { text: 'Offline 599' });
    expect(local[0]?.code).toMatch(/^PAT\d{6}$/);
  });
});
