import { describe, expect, it } from 'vitest';
import { memoizedPasswords } from './password';

describe('the demo seeding’s memoized argon2', () => {
  it('hashes a password once and checks each (hash, password) pair once, with argon2’s answers', async () => {
    const passwords = memoizedPasswords();
    const hash = await passwords.hash('clinic-demo-2026');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await passwords.hash('clinic-demo-2026')).toBe(hash);
    expect(await passwords.hash('another')).not.toBe(hash);

    const check = passwords.verify(hash, 'clinic-demo-2026');
    expect(passwords.verify(hash, 'clinic-demo-2026')).toBe(check); // the same check, not a second one
    expect(await check).toBe(true);
    expect(await passwords.verify(hash, 'wrong')).toBe(false);
  });
});
