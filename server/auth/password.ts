import { hash, verify } from '@node-rs/argon2';

/** argon2id with OWASP's minimum parameters (19 MiB, 2 passes): memory-hard (docs/product.md §15). */
/** 2 = Algorithm.Argon2id (an ambient const enum, which isolated modules cannot read). */
const ARGON2ID = 2;
const options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** How the hub hashes and checks staff passwords (HubCore's `passwords`). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(passwordHash: string, password: string): Promise<boolean>;
}

export const argon2Passwords: PasswordHasher = { hash: hashPassword, verify: verifyPassword };

/**
 * argon2 that hashes each distinct password once and checks each (hash, password) pair once, for
 * the demo's seeding only: its staff sign in ~500 times over the simulated month with one password,
 * and each argon2 check costs tens of milliseconds of CPU. Never for a hub that serves people: it
 * keeps passwords in memory and gives every account with the same password the same hash.
 */
export function memoizedPasswords(): PasswordHasher {
  const hashes = new Map<string, Promise<string>>();
  const checks = new Map<string, Promise<boolean>>();
  return {
    hash(password) {
      let hashed = hashes.get(password);
      if (!hashed) hashes.set(password, (hashed = hashPassword(password)));
      return hashed;
    },
    verify(passwordHash, password) {
      const key = JSON.stringify([passwordHash, password]);
      let valid = checks.get(key);
      if (!valid) checks.set(key, (valid = verifyPassword(passwordHash, password)));
      return valid;
    },
  };
}

/** A hash of a random password, verified against when the user does not exist, so timing reveals nothing. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(`decoy-${Math.random()}`);
  return decoy;
}
