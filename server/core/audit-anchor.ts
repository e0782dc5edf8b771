import { createHmac, timingSafeEqual } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { z } from 'zod';

/** A failed check, kept in the anchor until the data directory is restored from a backup. */
export const auditAlarmSchema = z.strictObject({
  firstBadSeq: z.number().int().nullable(),
  problem: z.string(),
  detectedAt: z.string(),
});
export type AuditAlarm = z.infer<typeof auditAlarmSchema>;

/** The chain's length and last hash as of the last commit, and a sticky alarm. */
export interface AnchorState {
  count: number;
  head: string;
  alarm: AuditAlarm | null;
}

const fileSchema = z.strictObject({
  version: z.literal(1),
  count: z.number().int().nonnegative(),
  head: z.string(),
  alarm: auditAlarmSchema.nullable(),
  mac: z.string(),
});

export type AnchorRead = { state: 'missing' } | { state: 'damaged' } | { state: 'ok'; anchor: AnchorState };

/**
 * The audit chain's anchor outside the database (`audit.anchor`): count and head of the chain,
 * authenticated with the audit key (HMAC). Whoever edits the database file can drop entries from
 * the end or all of them, and rewrite the head stored inside it; without the key they cannot
 * forge an anchor that agrees. Written after each commit that appends entries (see AuditGuard).
 */
export class AuditAnchorFile {
  constructor(
    readonly file: string,
    private readonly key: Buffer,
  ) {}

  read(): AnchorRead {
    if (!existsSync(this.file)) return { state: 'missing' };
    try {
      const parsed = fileSchema.parse(JSON.parse(readFileSync(this.file, 'utf8')));
      const anchor = { count: parsed.count, head: parsed.head, alarm: parsed.alarm };
      const expected = Buffer.from(this.mac(anchor), 'hex');
      const actual = Buffer.from(parsed.mac, 'hex');
      if (actual.length !== expected.length || !timingSafeEqual(actual, expected))
        return { state: 'damaged' };
      return { state: 'ok', anchor };
    } catch {
      return { state: 'damaged' };
    }
  }

  /** Replaces the anchor atomically and durably (temporary file, fsync, rename). */
  async save(anchor: AnchorState): Promise<void> {
    const temporary = `${this.file}.tmp`;
    const handle = await open(temporary, 'w', 0o600);
    try {
      await handle.writeFile(this.serialize(anchor));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, this.file);
  }

  saveSync(anchor: AnchorState): void {
    const temporary = `${this.file}.tmp`;
    const fd = openSync(temporary, 'w', 0o600);
    try {
      writeSync(fd, this.serialize(anchor));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, this.file);
  }

  private serialize(anchor: AnchorState): string {
    return `${JSON.stringify({ version: 1, ...anchor, mac: this.mac(anchor) })}\n`;
  }

  private mac(anchor: AnchorState): string {
    const { alarm } = anchor;
    const canonical = JSON.stringify([
      'clinic-audit-anchor',
      1,
      anchor.count,
      anchor.head,
      alarm && [alarm.firstBadSeq, alarm.problem, alarm.detectedAt],
    ]);
    return createHmac('sha256', this.key).update(canonical).digest('hex');
  }
}
