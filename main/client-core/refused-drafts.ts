/**
 * Refused consultation draft saves (docs/product.md §13, docs/architecture.md "Needs attention"): one card per
 * user and visit, however many saves of it were refused (an autosave the hub refused, then the
 * editor's save on leaving, then "Save to the record" pressed before the desktop learned of the
 * signature). The card shows the latest refused text; an older refused text is dropped only when
 * every piece of it is still in a newer one (the newer one continues it), otherwise it stays in the
 * same card as an earlier version, so no text the author typed is lost without being discarded.
 */

export const DRAFT_SAVE = 'consultations.saveDraft';

/** The visit a refused draft save belongs to (null for anything else). */
export function refusedDraftVisit(name: string, input: unknown): string | null {
  if (name !== DRAFT_SAVE || typeof input !== 'object' || input === null) return null;
  const { appointmentId } = input as { appointmentId?: unknown };
  return typeof appointmentId === 'string' ? appointmentId : null;
}

function content(input: unknown): unknown {
  return typeof input === 'object' && input !== null ? (input as { content?: unknown }).content : undefined;
}

/**
 * Whether every piece of `older` is in `newer`: each text is found in the newer text of the same
 * field (typing on, or only changes elsewhere), each value is the same or was empty, and each item
 * of a list is in some item of the newer list. Conservative: any edit that removes or rewrites
 * typed text keeps the older version.
 */
export function containsText(newer: unknown, older: unknown): boolean {
  if (older === null || older === undefined || older === '') return true;
  if (typeof older === 'string') return typeof newer === 'string' && newer.includes(older.trim());
  if (Array.isArray(older)) {
    return older.every((item) => Array.isArray(newer) && newer.some((n) => containsText(n, item)));
  }
  if (typeof older === 'object') {
    if (typeof newer !== 'object' || newer === null) return false;
    const fields = newer as Record<string, unknown>;
    return Object.entries(older).every(([key, value]) => containsText(fields[key], value));
  }
  return newer === older;
}

/** Whether the refused save `older` has nothing that the refused save `newer` lacks. */
export function draftContinues(newer: unknown, older: unknown): boolean {
  return containsText(content(newer), content(older));
}

/** An older refused text of the same visit, kept in the card because the latest one lacks some of it. */
export interface EarlierVersion {
  /** The entry's own id: dismissing it removes only this version. */
  id: string;
  input: unknown;
  createdAt: string;
}

/**
 * Folds the refused draft saves of one visit (listed oldest first) into the newest, which
 * carries the older ones as `earlierVersions` (newest first); other entries pass through. The
 * card takes the place of the newest save.
 */
export function groupRefusedDrafts<E extends { id: string; name: string; input: unknown; createdAt: string }>(
  entries: E[],
): (E & { earlierVersions?: EarlierVersion[] })[] {
  const newest = new Map<string, E>();
  for (const e of entries) {
    const visit = refusedDraftVisit(e.name, e.input);
    if (visit) newest.set(visit, e);
  }
  const earlier = new Map<string, EarlierVersion[]>();
  const out: (E & { earlierVersions?: EarlierVersion[] })[] = [];
  for (const e of entries) {
    const visit = refusedDraftVisit(e.name, e.input);
    if (!visit) {
      out.push(e);
      continue;
    }
    const versions = earlier.get(visit) ?? [];
    earlier.set(visit, versions);
    if (newest.get(visit) !== e) {
      versions.unshift({ id: e.id, input: e.input, createdAt: e.createdAt });
      continue;
    }
    out.push(versions.length > 0 ? { ...e, earlierVersions: versions } : e);
  }
  return out;
}
