import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { type User, userSchema } from '@shared/domain/user.schema';

const fileSchema = z.record(z.string(), userSchema);

/**
 * Profiles (name, role — never a password or verifier) of users who signed in on this desktop,
 * so an offline unlock can show who is signed in. The verifier lives in the client core.
 */
export class KnownUsers {
  private users: Record<string, User>;

  constructor(private readonly file: string) {
    try {
      this.users = fileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch {
      this.users = {};
    }
  }

  get(username: string): User | null {
    return this.users[username.toLowerCase()] ?? null;
  }

  remember(username: string, user: User): void {
    this.users[username.toLowerCase()] = user;
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(`${this.file}.tmp`, JSON.stringify(this.users));
    renameSync(`${this.file}.tmp`, this.file);
  }
}
