import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openReplica } from './replica';
import {
  type Clinic,
  clinicPerTest,
  newDesktop,
  signedIn,
  TEST_PASSWORD,
  waitFor,
} from '@main/client-core/testing/clinic';

/** Stands for any page a replica cannot take (a constraint, a full disk): the file refuses one row. */
const REFUSAL = 'this replica refuses the row';
function refuseRow(replicaFile: string): () => void {
  const db = new BetterSqlite3(replicaFile);
  db.exec(`CREATE TRIGGER test_refused_row BEFORE INSERT ON patients WHEN NEW.fullName = 'Refused Row'
           BEGIN SELECT RAISE(ABORT, '${REFUSAL}'); END`);
  return () => {
    db.exec('DROP TRIGGER test_refused_row');
    db.close();
  };
}

async function registerRefusedRow(clinic: Clinic): Promise<void> {
  const { hub } = clinic.server;
  await hub.call(hub.admin, 'patients.register', {
    id: randomUUID(),
    details: { fullName: 'Refused Row', sex: 'unknown' },
  });
}

/** Waits for a line of the child's output; fails as soon as the process exits. */
function watch(child: ChildProcess) {
  let out = '';
  child.stdout!.on('data', (data: Buffer) => (out += data.toString()));
  child.stderr!.on('data', (data: Buffer) => (out += data.toString()));
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`the process exited (${code}): ${out.slice(-1500)}`))),
  );
  exited.catch(() => undefined);
  return (pattern: RegExp, what: string) =>
    Promise.race([waitFor(() => pattern.test(out), what, 60_000), exited]);
}

describe('a page the replica refuses', { timeout: 120_000 }, () => {
  const { desktops, start } = clinicPerTest();

  it('never fails sync(): the error shows in the connection state, and the next round recovers', async () => {
    const clinic = await start();
    const desk = newDesktop(clinic.server.url, 'front');
    desktops.push(desk);
    await signedIn(desk, clinic.users.receptionist);
    const allowRow = refuseRow(desk.core.replicaFile);
    const states: (string | null)[] = [];
    desk.core.onStateChange((state) => states.push(state.syncError));

    await registerRefusedRow(clinic);
    await desk.core.syncNow(); // resolves: nobody awaiting a sync round can be failed by it
    expect(desk.core.connectionState().syncError).toContain(REFUSAL);
    expect(states.at(-1)).toContain(REFUSAL);
    expect(await desk.core.call('patients.search', { text: 'Refused Row' })).toEqual([]);

    allowRow();
    await desk.core.syncNow();
    expect(desk.core.connectionState().syncError).toBeNull();
    expect((await desk.core.call('patients.search', { text: 'Refused Row' })).map((p) => p.fullName)).toEqual(
      ['Refused Row'],
    );
  });

  it('does not kill a plain Node process running a desktop on its own sync loop', async () => {
    const clinic = await start();
    await registerRefusedRow(clinic);
    const seed = newDesktop(clinic.server.url, 'front');
    await seed.close(); // only its data folder: the child process runs the desktop
    openReplica(join(seed.dir, 'replica.db')).close();
    const allowRow = refuseRow(join(seed.dir, 'replica.db'));
    let child: ChildProcess | undefined;
    try {
      child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          'main/client-core/testing/sync-loop.child.ts',
          seed.dir,
          clinic.server.url,
          clinic.users.receptionist,
          TEST_PASSWORD,
        ],
        { cwd: process.cwd(), stdio: ['pipe', 'pipe', 'pipe'] },
      );
      const seen = watch(child);
      await seen(
        new RegExp(`^state .*"syncError":"Sync failed: ${REFUSAL}`, 'm'),
        'the failure in the state',
      );
      child.stdin!.write('still there?\n');
      await seen(new RegExp(`^alive .*"syncError":"Sync failed: ${REFUSAL}`, 'm'), 'the process to answer');
      expect(child.exitCode).toBeNull();
    } finally {
      child?.kill('SIGKILL');
      allowRow();
    }
  });
});
