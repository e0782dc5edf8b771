import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { type ClinicSettings, clinicSettingsSchema } from '@shared/domain/settings.schema';
import { failure } from '@shared/contract/errors';
import type { Clock } from '@server/core/clock';
import { HubCore } from '@server/core/hub-core';
import type { Db } from '@server/db/database';

/**
 * The hub services handlers use (`ctx.hub`), over the replica. Counters cannot be the hub's, so
 * each guesses the next value from what the replica holds (the next token of the day, the next
 * bill number): the hub assigns the real one when the change syncs, and the pulled row replaces
 * the guess. Nothing here is audited or logged; the hub does that when it applies the change.
 */
export class LocalHub extends HubCore {
  private settingsCache: { version: number; value: ClinicSettings | null } = { version: -1, value: null };
  private settingsVersion = 0;

  constructor(db: Db, clock: Clock) {
    super({ db, auditKey: randomBytes(32), clock, logger: pino({ level: 'silent' }) });
  }

  /** The settings row may have changed (a pulled page, a revert). */
  settingsChanged(): void {
    this.settingsVersion += 1;
  }

  override settings(): ClinicSettings {
    if (this.settingsCache.version !== this.settingsVersion) {
      const row = this.db.sqlite.prepare('SELECT data FROM settings WHERE id = 1').get() as
        { data: string } | undefined;
      this.settingsCache = {
        version: this.settingsVersion,
        value: row ? clinicSettingsSchema.parse(JSON.parse(row.data)) : null,
      };
    }
    if (!this.settingsCache.value) {
      throw failure('POLICY', 'This desktop has not received the clinic settings from the hub yet.');
    }
    return this.settingsCache.value;
  }

  override isSetUp(): boolean {
    return this.db.sqlite.prepare('SELECT 1 FROM settings WHERE id = 1').get() !== undefined;
  }

  override nextCounter(name: string): number {
    const { sqlite } = this.db;
    const stored =
      (sqlite.prepare('SELECT value FROM counters WHERE name = ?').get(name) as { value: number } | undefined)
        ?.value ?? 0;
    const next = Math.max(stored, this.derived(name)) + 1;
    sqlite
      .prepare(
        'INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value',
      )
      .run(name, next);
    return next;
  }

  /** The highest value of the counter the replica's rows show. */
  private derived(name: string): number {
    const { sqlite } = this.db;
    const max = (sql: string, ...args: unknown[]) =>
      Number((sqlite.prepare(sql).get(...args) as { n: number | null }).n ?? 0);
    const [kind, a, b] = name.split(':');
    switch (kind) {
      case 'patient':
        return max("SELECT max(CAST(substr(code, 4) AS INTEGER)) AS n FROM patients WHERE code LIKE 'PAT%'");
      case 'appointment':
        return max(
          'SELECT max(CAST(substr(number, 8) AS INTEGER)) AS n FROM appointments WHERE number LIKE ?',
          `A-${a}-%`,
        );
      case 'bill':
        return max(
          'SELECT max(CAST(substr(number, 8) AS INTEGER)) AS n FROM bills WHERE number LIKE ?',
          `B-${a}-%`,
        );
      case 'receipt':
        return max(
          'SELECT max(CAST(substr(receiptNumber, 8) AS INTEGER)) AS n FROM payments WHERE receiptNumber LIKE ?',
          `R-${a}-%`,
        );
      case 'token':
        return max(
          'SELECT max(tokenNumber) AS n FROM queue_entries WHERE doctorId = ? AND clinicDate = ?',
          a,
          b,
        );
      default:
        return 0;
    }
  }
}
