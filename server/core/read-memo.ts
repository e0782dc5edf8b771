import { hashToken } from '@server/auth/sessions.repository';

/** How many (session, record) pairs a hub remembers; the oldest are forgotten first. */
const MAX_REMEMBERED = 20_000;

/**
 * Which version of a record each session has already read, so that a screen refetching the same
 * record (every live refresh, every reopen) does not fill the audit log: a read of medical
 * content that names a `readVersion` is audited only when this session has not yet read this
 * record at this version (docs/architecture.md, audit). Kept in memory: after a hub restart, or
 * once a pair is forgotten, the next read is audited again, never fewer. Only for callers with a
 * session token; sync pushes and in-process calls are audited every time.
 */
export class ReadMemo {
  private readonly seen = new Map<string, string>();

  /** The key a session is remembered by (the token's hash, never the token). */
  static sessionOf(token: string | null): string | null {
    return token ? hashToken(token) : null;
  }

  hasRead(session: string, record: string, version: string): boolean {
    return this.seen.get(`${session} ${record}`) === version;
  }

  /** Call once the read's audit entry has committed. */
  remember(session: string, record: string, version: string): void {
    const key = `${session} ${record}`;
    this.seen.delete(key);
    this.seen.set(key, version);
    if (this.seen.size > MAX_REMEMBERED) this.seen.delete(this.seen.keys().next().value as string);
  }
}

const memos = new WeakMap<object, ReadMemo>();

/** The memo of one hub (one per HubCore). */
export function readMemoOf(core: object): ReadMemo {
  let memo = memos.get(core);
  if (!memo) {
    memo = new ReadMemo();
    memos.set(core, memo);
  }
  return memo;
}
