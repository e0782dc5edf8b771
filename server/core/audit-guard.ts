import type { Logger } from 'pino';
import type { Db } from '@server/db/database';
import { type AnchorState, type AuditAlarm, type AuditAnchorFile } from './audit-anchor';
import type { ChainVerdict } from './audit-chain';
import type { AuditAnchorCheck, AuditLog } from './audit-log.repository';
import type { Clock } from './clock';

export type AuditCheckKind = 'start' | 'daily' | 'manual';

/** A check of the whole chain as recorded (hub_meta `audit_check`). */
export interface AuditCheck extends ChainVerdict {
  kind: AuditCheckKind;
  at: string;
}

export interface AuditStatus {
  lastCheck: AuditCheck | null;
  /** The first failure seen, kept (in the anchor) even after later checks pass. */
  alarm: AuditAlarm | null;
}

const DAY_MS = 86_400_000;
/** Set once the chain has an anchor: from then on a missing anchor file is itself an alarm. */
const ANCHORED_KEY = 'audit_anchored';
const CHECK_KEY = 'audit_check';

/**
 * Keeps the audit chain anchored outside the database and checks it (at start, daily, on demand).
 *
 * The anchor is written after the commit that appended entries, so after a crash the database may
 * be AHEAD of the anchor by whole valid entries (fine: they are checked from the anchored head and
 * anchored). A database BEHIND the anchor (entries cut off or wiped) or one whose entry at the
 * anchored count differs (a rewritten chain) has been tampered with: that raises the alarm, which
 * the anchor keeps (authenticated) so that re-anchoring the damaged chain does not hide it.
 */
export class AuditGuard implements AuditAnchorCheck {
  private anchor: AnchorState = { count: 0, head: '', alarm: null };
  private saving: Promise<void> | null = null;
  private dirty = false;
  private scheduled = false;
  private closed = false;
  private daily: NodeJS.Timeout | null = null;
  private background: Promise<AuditCheck | null> = Promise.resolve(null);

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly file: AuditAnchorFile,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /**
   * At start: the end of the chain against the anchor now (cheap: only entries after the anchor
   * are walked), then the whole chain in the background, and again every day.
   */
  start(): void {
    const problem = this.checkEnd();
    if (problem) this.raise(problem, 'start');
    this.reanchor();
    this.file.saveSync(this.anchor);
    this.setMeta(ANCHORED_KEY, '1');
    this.background = this.inBackground('start');
    this.daily = setInterval(() => {
      this.background = this.inBackground('daily');
    }, DAY_MS);
    this.daily.unref();
  }

  /** The whole chain now (an admin asked), a page at a time: recorded like the scheduled checks. */
  checkNow(): Promise<AuditCheck> {
    const check = this.checkInBackground('manual');
    this.background = check.catch(() => null);
    return check;
  }

  status(): AuditStatus {
    const row = this.db.first(this.db.q.selectFrom('hub_meta').select('value').where('key', '=', CHECK_KEY));
    return { lastCheck: row ? (JSON.parse(row.value) as AuditCheck) : null, alarm: this.anchor.alarm };
  }

  /** Waits for the background check and the anchor's writing (tests). */
  async settled(): Promise<void> {
    await this.background;
    await this.saving;
  }

  appended(): void {
    this.dirty = true;
    if (this.scheduled || this.closed) return;
    this.scheduled = true;
    // The append's transaction has ended (committed or rolled back) by the next turn.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  verdict(walked: { lastSeq: number; lastHash: string; checked: number }): ChainVerdict | null {
    const { count, head } = this.anchor;
    if (walked.lastSeq < count) {
      return this.bad(walked.checked, walked.lastSeq + 1, removed(walked.lastSeq, count));
    }
    const anchored = this.hashAt(count);
    if (count > 0 && anchored !== head) {
      return this.bad(walked.checked, count, `entry ${count} is not the entry the anchor recorded`);
    }
    const { alarm } = this.anchor;
    if (alarm) {
      return this.bad(walked.checked, alarm.firstBadSeq, `${alarm.problem} (found ${alarm.detectedAt})`);
    }
    return null;
  }

  /** Stops the daily check and writes the last anchor. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.daily) clearInterval(this.daily);
    await this.background;
    while (this.saving) await this.saving;
    this.reanchorIfIntact();
    this.file.saveSync(this.anchor);
  }

  private async flush(): Promise<void> {
    if (this.saving || this.closed) return;
    while (this.dirty) {
      this.dirty = false;
      this.reanchorIfIntact();
      this.saving = this.file.save(this.anchor).catch((error: unknown) => {
        this.logger.error({ err: error, file: this.file.file }, 'could not write the audit anchor');
      });
      await this.saving;
      this.saving = null;
    }
  }

  /** What is wrong with the end of the chain compared with the anchor file, or null. */
  private checkEnd(): { firstBadSeq: number | null; problem: string } | null {
    const read = this.file.read();
    if (read.state === 'damaged') return { firstBadSeq: null, problem: 'the audit anchor file was altered' };
    if (read.state === 'missing') {
      return this.meta(ANCHORED_KEY)
        ? { firstBadSeq: null, problem: 'the audit anchor file is missing' }
        : null;
    }
    this.anchor = read.anchor;
    const { count, head } = read.anchor;
    const last = this.audit.last();
    if (last.seq < count) return { firstBadSeq: last.seq + 1, problem: removed(last.seq, count) };
    if (count > 0 && this.hashAt(count) !== head) {
      return { firstBadSeq: count, problem: `entry ${count} is not the entry the anchor recorded` };
    }
    // Entries committed after the anchor was last written (a crash): they must follow it.
    const tail = this.audit.verifyAfter({ seq: count, hash: head });
    return tail.ok ? null : { firstBadSeq: tail.firstBadSeq, problem: tail.problem ?? 'broken' };
  }

  /** A check nobody awaits: a failure to run it is logged, and closing the hub stops it. */
  private inBackground(kind: AuditCheckKind): Promise<AuditCheck | null> {
    return this.checkInBackground(kind).catch((error: unknown) => {
      if (!this.closed) this.logger.error({ err: error, kind }, 'the audit chain check could not run');
      return null;
    });
  }

  private async checkInBackground(kind: AuditCheckKind): Promise<AuditCheck> {
    const verdict = await this.audit.verifyInPages(async () => {
      await new Promise((resolve) => setImmediate(resolve));
      if (this.closed) throw new Error('the hub is stopping');
    });
    return this.record(kind, verdict);
  }

  private record(kind: AuditCheckKind, verdict: ChainVerdict): AuditCheck {
    const check: AuditCheck = { ...verdict, kind, at: this.clock.now().toISOString() };
    this.setMeta(CHECK_KEY, JSON.stringify(check));
    if (!verdict.ok) {
      this.raise({ firstBadSeq: verdict.firstBadSeq, problem: verdict.problem ?? 'broken' }, kind);
      this.dirty = true;
      void this.flush();
    } else this.logger.info({ checked: verdict.checked, kind }, 'audit chain verified');
    return check;
  }

  /** Logs the finding and keeps the first one as the alarm (saved with the next anchor). */
  private raise(found: { firstBadSeq: number | null; problem: string }, when: string): void {
    this.logger.error(
      { firstBadSeq: found.firstBadSeq, problem: found.problem, when },
      `AUDIT LOG TAMPERED: ${found.problem}`,
    );
    if (this.anchor.alarm) return;
    this.anchor = { ...this.anchor, alarm: { ...found, detectedAt: this.clock.now().toISOString() } };
  }

  /** Anchors the chain's current end (keeping the alarm). */
  private reanchor(): void {
    const last = this.audit.last();
    this.anchor = { ...this.anchor, count: last.seq, head: last.hash };
  }

  /** Moves the anchor forward only along the anchored chain; anything else raises the alarm first. */
  private reanchorIfIntact(): void {
    const { count, head } = this.anchor;
    const last = this.audit.last();
    if (last.seq < count) {
      this.raise({ firstBadSeq: last.seq + 1, problem: removed(last.seq, count) }, 'while running');
    } else if (count > 0 && this.hashAt(count) !== head) {
      const problem = `entry ${count} is not the entry the anchor recorded`;
      this.raise({ firstBadSeq: count, problem }, 'while running');
    }
    this.reanchor();
  }

  private hashAt(seq: number): string | undefined {
    return this.db.first(this.db.q.selectFrom('audit_log').select('hash').where('seq', '=', seq))?.hash;
  }

  private bad(checked: number, firstBadSeq: number | null, problem: string): ChainVerdict {
    return { ok: false, checked, firstBadSeq, problem };
  }

  private meta(key: string): string | undefined {
    return this.db.first(this.db.q.selectFrom('hub_meta').select('value').where('key', '=', key))?.value;
  }

  private setMeta(key: string, value: string): void {
    this.db.run(
      this.db.q
        .insertInto('hub_meta')
        .values({ key, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value })),
    );
  }
}

const removed = (lastSeq: number, count: number) =>
  lastSeq + 1 === count
    ? `entry ${count} was removed (the log now ends at entry ${lastSeq})`
    : `entries ${lastSeq + 1}–${count} were removed (the log now ends at entry ${lastSeq})`;
