import { randomUUID } from 'node:crypto';
import type { ApiError } from '@shared/contract/errors';
import type { Db } from '@server/db/database';
import type { OutboxRow } from './outbox';
import { draftContinues, type EarlierVersion, groupRefusedDrafts, refusedDraftVisit } from './refused-drafts';

type NextSlots = NonNullable<ApiError['nextSlots']>;

/** What the author can do about a change the hub refused (docs/product.md §13). */
export type NextAction =
  | { kind: 'choose_another_slot'; nextSlots: NextSlots }
  | { kind: 'review_duplicates' }
  | { kind: 'correct_and_retry'; fields: NonNullable<ApiError['fields']> }
  | { kind: 'sign_in_again' }
  | { kind: 'review'; hint: string };

export interface AttentionEntry {
  id: string;
  userId: string;
  mutationId: number;
  name: string;
  input: unknown;
  error: ApiError;
  nextAction: NextAction;
  createdAt: string;
  /** A refused draft's older refused texts of the same visit that the latest lacks (refused-drafts.ts). */
  earlierVersions?: EarlierVersion[];
  /** A refused addendum's visit (its input names only the record), when the replica holds the record. */
  appointmentId?: string;
}

/**
 * Refusals whose input is clinical text the author has not seen saved anywhere: kept for the
 * author even when the caller was told (online, or refused by the replica before queueing), since
 * the workspace that held the text closes once the record shows as signed.
 */
export function keepsRefusedText(name: string, error: ApiError): boolean {
  return name === 'consultations.saveDraft' && error.code !== 'VALIDATION';
}

/**
 * What the author can do next. The free times to choose from are not kept here: the hub's list
 * was computed when it refused this one change, before the rest of the same push (which may take
 * those very times); AttentionList.list fills in the times free when the author looks.
 */
export function nextActionFor(name: string, error: ApiError): NextAction {
  switch (error.code) {
    case 'SLOT_TAKEN':
    case 'PATIENT_OVERLAP':
    case 'DOCTOR_NOT_AVAILABLE':
      return { kind: 'choose_another_slot', nextSlots: [] };
    case 'VALIDATION':
      return { kind: 'correct_and_retry', fields: error.fields ?? [] };
    case 'UNAUTHENTICATED':
      return { kind: 'sign_in_again' };
    case 'CONFLICT':
      if (name === 'patients.register') return { kind: 'review_duplicates' };
      return {
        kind: 'review',
        hint: 'Open the record, check what changed meanwhile, and redo the change if still needed.',
      };
    default:
      return { kind: 'review', hint: 'Check the record and redo the change if it is still needed.' };
  }
}

/**
 * Changes the hub rejected, with the reason and the next action, until the author dismisses them.
 * Each user sees only their own entries (several staff may share a desktop).
 */
export class AttentionList {
  constructor(private readonly db: Db) {}

  /** A refused change (by the hub, or the replica before queueing), for its author, with what they can do next. */
  addRefused(
    row: Pick<OutboxRow, 'userId' | 'mutationId' | 'name' | 'input'>,
    error: ApiError,
    at: string,
  ): AttentionEntry {
    const { userId, mutationId, name, input } = row;
    return this.add({
      userId,
      mutationId,
      name,
      input,
      error,
      nextAction: nextActionFor(name, error),
      createdAt: at,
    });
  }

  /**
   * Keeps a refusal for its author. A refused draft save replaces the same user's refused saves of
   * the same visit that it continues (keeping the id of the newest, so its card stays the same
   * card); those it does not continue stay, as earlier versions in that card.
   */
  add(entry: Omit<AttentionEntry, 'id' | 'earlierVersions'>): AttentionEntry {
    return this.db.transaction(() => {
      const replaced = this.continuedDrafts(entry);
      for (const id of replaced) this.db.sqlite.prepare('DELETE FROM client_attention WHERE id = ?').run(id);
      const full = { ...entry, id: replaced.at(-1) ?? randomUUID() };
      this.db.sqlite
        .prepare(
          `INSERT INTO client_attention (id, userId, mutationId, name, input, error, nextAction, createdAt)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          full.id,
          full.userId,
          full.mutationId,
          full.name,
          JSON.stringify(full.input),
          JSON.stringify(full.error),
          JSON.stringify(full.nextAction),
          full.createdAt,
        );
      return full;
    });
  }

  /** The ids of the user's refused saves of this visit that `entry` continues, oldest first. */
  private continuedDrafts(entry: Omit<AttentionEntry, 'id' | 'earlierVersions'>): string[] {
    const visit = refusedDraftVisit(entry.name, entry.input);
    if (!visit) return [];
    const rows = this.db.sqlite
      .prepare(
        `SELECT id, input FROM client_attention
         WHERE userId = ? AND name = ? AND json_extract(input, '$.appointmentId') = ?
         ORDER BY createdAt, rowid`,
      )
      .all(entry.userId, entry.name, visit) as { id: string; input: string }[];
    return rows.filter((r) => draftContinues(entry.input, JSON.parse(r.input))).map((r) => r.id);
  }

  /**
   * The user's entries, oldest first (a visit's refused draft saves folded into one, at the place
   * of the newest); `freeTimes` gives a "choose another slot" entry the times
   * free now (an entry without it offers none rather than stale ones).
   */
  list(userId: string, freeTimes?: (entry: AttentionEntry) => NextSlots): AttentionEntry[] {
    const rows = this.db.sqlite
      .prepare('SELECT * FROM client_attention WHERE userId = ? ORDER BY createdAt, rowid')
      .all(userId) as (Omit<AttentionEntry, 'input' | 'error' | 'nextAction'> & {
      input: string;
      error: string;
      nextAction: string;
    })[];
    const entries = rows.map((r): AttentionEntry => {
      const entry: AttentionEntry = {
        ...r,
        input: JSON.parse(r.input) as unknown,
        error: JSON.parse(r.error) as ApiError,
        nextAction: JSON.parse(r.nextAction) as NextAction,
      };
      if (entry.name === 'consultations.addAddendum') return this.withVisit(entry);
      if (entry.nextAction.kind !== 'choose_another_slot') return entry;
      return { ...entry, nextAction: { kind: 'choose_another_slot', nextSlots: freeTimes?.(entry) ?? [] } };
    });
    return groupRefusedDrafts(entries);
  }

  private withVisit(entry: AttentionEntry): AttentionEntry {
    const { consultationId } = (entry.input ?? {}) as { consultationId?: unknown };
    const row = this.db.sqlite
      .prepare('SELECT appointmentId FROM consultations WHERE id = ?')
      .get(typeof consultationId === 'string' ? consultationId : '') as { appointmentId: string } | undefined;
    return row ? { ...entry, appointmentId: row.appointmentId } : entry;
  }

  /** The number of entries the author sees (a visit's refused draft saves are one). */
  count(userId: string): number {
    return this.list(userId).length;
  }

  dismiss(id: string, userId: string): boolean {
    const deleted = this.db.sqlite
      .prepare('DELETE FROM client_attention WHERE id = ? AND userId = ?')
      .run(id, userId);
    return deleted.changes > 0;
  }
}
