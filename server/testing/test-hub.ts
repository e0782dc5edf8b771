import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { InputOf, OperationName, ResultOf } from '@shared/contract/index';
import type { Role } from '@shared/domain/common.schema';
import { type Db, openDatabase } from '@server/db/database';
import { fixedClock } from '@server/core/clock';
import { type Caller, createDispatcher, type Dispatcher } from '@server/core/dispatcher';
import { memoizedPasswords, type PasswordHasher } from '@server/auth/password';
import { HubCore } from '@server/core/hub-core';
import { handlers } from '@server/handlers/registry';
import { insertDoctor } from './fixtures';

export interface TestHub {
  dir: string;
  db: Db;
  core: HubCore;
  dispatcher: Dispatcher;
  clock: ReturnType<typeof fixedClock>;
  admin: Caller;
  call<N extends OperationName>(caller: Caller | null, name: N, input: InputOf<N>): Promise<ResultOf<N>>;
  /** Creates a staff account of that role (a doctor gets a doctor profile unless given one) and signs in. */
  signIn(
    role: Exclude<Role, 'patient' | 'admin'>,
    options?: { doctorId?: string; username?: string },
  ): Promise<Caller & { userId: string; doctorId: string | null }>;
  close(): void;
}

export const TEST_PASSWORD = 'correct horse battery';

/** A new admin session (tests move the clock past the first one's idle limit). */
export async function freshAdmin(hub: Pick<TestHub, 'call'>): Promise<Caller> {
  const { token } = await hub.call(null, 'auth.login', {
    username: 'admin',
    password: TEST_PASSWORD,
    deviceId: 'admin-desktop',
  });
  return { token, deviceId: 'admin-desktop' };
}

/**
 * argon2 once per password and per (hash, password) check in a test process, shared by its test
 * hubs: every staff account here has the same password, and each argon2 costs tens of ms of CPU.
 */
export const testPasswords = memoizedPasswords();

/** The test passwords, counting the argon2 checks the hub makes (`checks()`: so far). */
export function countingPasswords(): { passwords: PasswordHasher; checks: () => number } {
  let checks = 0;
  return {
    passwords: {
      hash: (password) => testPasswords.hash(password),
      verify: (hash, password) => {
        checks += 1;
        return testPasswords.verify(hash, password);
      },
    },
    checks: () => checks,
  };
}

/**
 * A real hub on a temporary SQLite file, with a pinned clock (default: Monday 2026-11-23 08:00
 * in Kolkata), set up with an admin. Results are checked against the contract's result schemas.
 */
export async function createTestHub(
  options: { now?: string; timeZone?: string; passwords?: PasswordHasher } = {},
): Promise<TestHub> {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-hub-'));
  const db = openDatabase(join(dir, 'clinic.db'));
  const clock = fixedClock(options.now ?? '2026-11-23T02:30:00.000Z');
  const core = new HubCore({
    db,
    auditKey: randomBytes(32),
    clock,
    logger: pino({ level: 'silent' }),
    validateResults: true,
    passwords: options.passwords ?? testPasswords,
  });
  const dispatcher = createDispatcher(core, handlers);
  const call = (<N extends OperationName>(caller: Caller | null, name: N, input: InputOf<N>) =>
    dispatcher.call(name, input, caller ?? { token: null, deviceId: 'test-device' })) as TestHub['call'];

  const session = await call(null, 'auth.setup', {
    settings: { clinicName: 'Sunrise Clinic', timeZone: options.timeZone ?? 'Asia/Kolkata' },
    admin: { username: 'admin', displayName: 'Anita Admin', password: TEST_PASSWORD },
    deviceId: 'admin-desktop',
  });
  const admin: Caller = { token: session.token, deviceId: 'admin-desktop' };

  let counter = 0;
  return {
    dir,
    db,
    core,
    dispatcher,
    clock,
    admin,
    call,
    async signIn(role, opts = {}) {
      counter += 1;
      const username = opts.username ?? `${role}${counter}`;
      const doctorId =
        role === 'doctor' ? (opts.doctorId ?? insertDoctor(db, { fullName: `Dr ${username}` }).id) : null;
      const user = await call(await freshAdmin({ call }), 'users.create', {
        id: randomUUID(),
        username,
        displayName: username,
        role,
        doctorId,
        password: TEST_PASSWORD,
      });
      const login = await call(null, 'auth.login', {
        username,
        password: TEST_PASSWORD,
        deviceId: `${username}-pc`,
      });
      return { token: login.token, deviceId: `${username}-pc`, userId: user.id, doctorId };
    },
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
