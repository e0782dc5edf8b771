import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { InputOf, OperationName, ResultOf } from '@shared/contract/index';
import { type Db, openDatabase } from '@server/db/database';
import { fixedClock } from '@server/core/clock';
import { type Caller, createDispatcher } from '@server/core/dispatcher';
import { HubCore } from '@server/core/hub-core';
import { handlers } from '@server/handlers/registry';
import { insertDoctor, insertWeeklyWindows } from '@server/testing/fixtures';

const PASSWORD = 'benchmark password';

/** A hub on a temp file, set up, with a signed-in receptionist; results not re-validated (production mode). */
export async function benchHub(now: string) {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-bench-'));
  const db = openDatabase(join(dir, 'clinic.db'));
  const core = new HubCore({
    db,
    auditKey: randomBytes(32),
    clock: fixedClock(now),
    logger: pino({ level: 'silent' }),
  });
  const dispatcher = createDispatcher(core, handlers);
  const call = <N extends OperationName>(caller: Caller | null, name: N, input: InputOf<N>) =>
    dispatcher.call(name, input, caller ?? { token: null, deviceId: 'bench' }) as Promise<ResultOf<N>>;
  const setup = await call(null, 'auth.setup', {
    settings: {
      clinicName: 'Bench Clinic',
      timeZone: 'Asia/Kolkata',
      defaultBuffers: { before: 0, after: 0 },
    },
    admin: { username: 'admin', displayName: 'Admin', password: PASSWORD },
    deviceId: 'bench',
  });
  const admin = { token: setup.token, deviceId: 'bench' };
  await call(admin, 'users.create', {
    id: randomUUID(),
    username: 'reception',
    displayName: 'Reception',
    role: 'receptionist',
    password: PASSWORD,
  });
  const login = await call(null, 'auth.login', {
    username: 'reception',
    password: PASSWORD,
    deviceId: 'bench',
  });
  return {
    db,
    core,
    dir,
    password: PASSWORD,
    call,
    admin: admin as Caller,
    receptionist: { token: login.token, deviceId: 'bench' } as Caller,
    close() {
      if (db.sqlite.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Doctors working every day 08:00–20:00. */
export function benchDoctors(db: Db, count: number, sessionMinutes: number): string[] {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const doctor = insertDoctor(db, { fullName: `Dr Bench ${i}`, sessionMinutes, tokenPrefix: 'B' });
    insertWeeklyWindows(
      db,
      doctor.id,
      [1, 2, 3, 4, 5, 6, 7].map((d) => [d, '08:00', '20:00'] as [number, string, string]),
    );
    ids.push(doctor.id);
  }
  return ids;
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function timeMs(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function timeAsyncMs(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}
