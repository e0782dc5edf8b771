import { spawn } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultOf } from '@shared/contract/index';
import { fixedClock } from '@server/core/clock';
import { auditKeyFile } from '@server/hub/data-dir';
import { type RunningHub, startHub } from '@server/hub/hub-server';
import { callOver, connectTo, send } from '@server/testing/socket-hub';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoClinic } from './demo-clinic';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** Wednesday 25 November 2026, 11:00 in Bengaluru. */
const NOW = '2026-11-25T05:30:00.000Z';
const TODAY = '2026-11-25';

interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

function capturingLogger() {
  const lines: LogLine[] = [];
  const logger = pino(
    { level: 'info' },
    { write: (line: string) => lines.push(JSON.parse(line) as LogLine) },
  );
  return { logger, lines };
}

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-demo-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** Seeded once (in process, through startHub) and reused by the CLI test after that hub stops. */
let dataDir: string;

describe('the demo clinic', () => {
  let hub: RunningHub;
  const log = capturingLogger();
  const count = (sql: string, ...params: unknown[]) =>
    (hub.core.db.sqlite.prepare(sql).get(...params) as { n: number }).n;

  beforeAll(async () => {
    dataDir = tempDir();
    hub = await startHub({
      dataDir,
      port: 0,
      host: '127.0.0.1',
      mdns: false,
      demo: true,
      clock: fixedClock(NOW),
      logger: log.logger,
      validateResults: true,
    });
  }, 300_000); // seeding takes ~13 s alone, far longer beside the rest of the suite on 2 cores
  afterAll(async () => {
    await hub?.stop();
  });

  it('is a month of a realistic clinic, seeded through the hub without a refusal', () => {
    const ready = log.lines.find((l) => l.msg.startsWith('demo clinic ready'));
    // Progress while it runs: a line at every tenth of the month, with what exists so far.
    const progress = log.lines.filter((l) => l.msg.startsWith('seeding the demo clinic: '));
    const percents = progress.map((l) => l.percent as number);
    expect(percents.length).toBeGreaterThanOrEqual(5);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents).toContain(90);
    expect(typeof progress.at(-1)?.patients).toBe('number');
    expect(typeof progress.at(-1)?.appointments).toBe('number');
    expect(ready).toMatchObject({ users: 9, doctors: 5, patients: 200 });
    expect(log.lines.filter((l) => l.level >= 40)).toEqual([]);
    expect(hub.core.settings()).toMatchObject({
      clinicName: 'Sunrise Family Clinic',
      timeZone: 'Asia/Kolkata',
      currency: 'INR',
      locale: 'en-IN',
    });

    expect(count('SELECT COUNT(*) n FROM doctors WHERE userId IS NOT NULL')).toBe(5);
    expect(count('SELECT COUNT(*) n FROM rooms')).toBe(5);
    expect(count('SELECT COUNT(DISTINCT doctorId) n FROM weekly_windows')).toBe(5);
    expect(count('SELECT COUNT(*) n FROM patients')).toBe(200);
    expect(count(`SELECT COUNT(*) n FROM patients WHERE allergies != '[]'`)).toBeGreaterThan(5);
    expect(count(`SELECT COUNT(*) n FROM patients WHERE chronicConditions != '[]'`)).toBeGreaterThan(20);

    const status = (s: string) => count('SELECT COUNT(*) n FROM appointments WHERE status = ?', s);
    expect(status('COMPLETED')).toBeGreaterThanOrEqual(300);
    expect(status('CANCELLED')).toBeGreaterThan(0);
    expect(status('NO_SHOW')).toBeGreaterThan(0);
    expect(count('SELECT COUNT(*) n FROM reschedule_records')).toBeGreaterThan(0);
    expect(count(`SELECT COUNT(*) n FROM consultations WHERE status = 'finalized'`)).toBe(
      status('COMPLETED'),
    );
    expect(count(`SELECT COUNT(*) n FROM consultations WHERE diagnosis LIKE '%"code":"%'`)).toBeGreaterThan(
      300,
    );

    const bills = (s: string) => count('SELECT COUNT(*) n FROM bills WHERE status = ?', s);
    expect(bills('PAID')).toBeGreaterThan(250);
    expect(bills('PARTIALLY_PAID')).toBeGreaterThan(0);
    expect(count('SELECT COUNT(DISTINCT mode) n FROM payments')).toBe(3);

    expect(count('SELECT COUNT(*) n FROM appointments WHERE clinicDate = ?', TODAY)).toBeGreaterThanOrEqual(
      15,
    );
    expect(count('SELECT COUNT(*) n FROM appointments WHERE clinicDate > ?', TODAY)).toBeGreaterThan(0);
  });

  it('has, right now, a patient with each doctor in session and others waiting', async () => {
    const session = await hub.dispatcher.call(
      'auth.login',
      { username: 'reena', password: DEMO_PASSWORD, deviceId: 'test-pc' },
      { token: null, deviceId: 'test-pc' },
    );
    const reena = { token: (session as ResultOf<'auth.login'>).token, deviceId: 'test-pc' };
    const doctors = (await hub.dispatcher.call('doctors.list', {}, reena)) as ResultOf<'doctors.list'>;
    // On Wednesday morning Dr Menon, Dr Iyer and Dr Fernandes are in; the others come in the evening.
    for (const name of ['Dr. Arvind Menon', 'Dr. Kavitha Iyer', 'Dr. Maria Fernandes']) {
      const doctor = doctors.find((d) => d.fullName === name)!;
      const queue = (await hub.dispatcher.call(
        'queue.list',
        { doctorId: doctor.id, date: TODAY },
        reena,
      )) as ResultOf<'queue.list'>;
      expect(queue.current?.state, name).toBe('in_consultation');
      expect(queue.waiting.length, name).toBeGreaterThan(0);
      expect(queue.done.length, name).toBeGreaterThan(0);
    }
  });

  it('lets every demo user sign in with the demo password, and keeps a verifiable audit chain', async () => {
    for (const user of DEMO_USERS) {
      const session = (await hub.dispatcher.call(
        'auth.login',
        { username: user.username, password: DEMO_PASSWORD, deviceId: 'test-pc' },
        { token: null, deviceId: 'test-pc' },
      )) as ResultOf<'auth.login'>;
      expect(session.user).toMatchObject({
        username: user.username,
        role: user.role,
        displayName: user.name,
      });
    }
    expect(hub.core.audit.verify()).toMatchObject({ ok: true, problem: null });
  });

  it('never seeds a set-up data directory again', async () => {
    const again = capturingLogger();
    const patients = count('SELECT COUNT(*) n FROM patients');
    const auditKey = readFileSync(auditKeyFile(dataDir));
    const result = await seedDemoClinic({
      db: hub.core.db,
      auditKey,
      now: new Date(NOW),
      logger: again.logger,
    });
    expect(result).toBeNull();
    expect(again.lines.map((l) => l.msg)).toEqual([
      expect.stringMatching(/only created on an empty data directory/) as string,
    ]);
    expect(count('SELECT COUNT(*) n FROM patients')).toBe(patients);
  });
});

describe('npm run hub -- --demo', () => {
  async function spawnHub(dataDir: string) {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/hub.ts',
        '--demo',
        '--data-dir',
        dataDir,
        '--port',
        '0',
        '--host',
        '127.0.0.1',
        '--no-mdns',
      ],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const lines: LogLine[] = [];
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const port = await new Promise<number>((resolve, reject) => {
      const deadline = setTimeout(() => {
        child.kill('SIGKILL');
        reject(
          new Error(
            `the hub did not start listening in time; it said:\n${lines.map((l) => l.msg).join('\n')}`,
          ),
        );
      }, 240_000);
      createInterface({ input: child.stdout }).on('line', (line) => {
        let entry: LogLine;
        try {
          entry = JSON.parse(line) as LogLine;
        } catch {
          entry = { msg: line } as LogLine;
        }
        lines.push(entry);
        if (entry.msg.startsWith('LAN sync listening')) {
          clearTimeout(deadline);
          resolve(entry.port as number);
        }
      });
      void exited.then((code) => {
        clearTimeout(deadline);
        reject(
          new Error(`the hub exited (${code}) before listening:\n${lines.map((l) => l.msg).join('\n')}`),
        );
      });
    });
    const stop = async () => {
      child.kill('SIGTERM');
      const code = await Promise.race([
        exited,
        new Promise<'hung'>((r) => setTimeout(() => r('hung'), 20_000)),
      ]);
      if (code === 'hung') {
        child.kill('SIGKILL');
        throw new Error(`the hub did not stop on SIGTERM; it said:\n${lines.map((l) => l.msg).join('\n')}`);
      }
      expect(code).toBe(0);
    };
    return { port, lines, stop };
  }

  // Seeding an empty data directory is tested above through startHub (what the CLI calls); a
  // second full seed in a child process, beside the whole suite on 2 cores, is too slow to be reliable.
  it('passes --demo through to the hub, which serves the demo clinic and never seeds it twice', async () => {
    const hub = await spawnHub(dataDir);
    try {
      expect(hub.lines.map((l) => l.msg)).toContainEqual(
        expect.stringMatching(/only created on an empty data directory/),
      );
      expect(hub.lines.some((l) => l.msg.startsWith('demo clinic ready'))).toBe(false);
      const socket = await connectTo(`http://127.0.0.1:${hub.port}`, { deviceId: 'reception-pc-1' });
      try {
        const session = await callOver(socket, 'auth.login', {
          username: 'reena',
          password: DEMO_PASSWORD,
          deviceId: 'reception-pc-1',
        });
        expect(session.user).toMatchObject({ role: 'receptionist', displayName: "Reena D'Souza" });
        await send(socket, 'auth', { token: session.token });
        expect(await callOver(socket, 'doctors.list', {})).toHaveLength(5);
        expect(await callOver(socket, 'patients.search', { text: 'PAT000200' })).toHaveLength(1);
      } finally {
        socket.disconnect();
      }
    } finally {
      await hub.stop();
    }
  }, 120_000);
});
