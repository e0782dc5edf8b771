import type { Interval } from './interval';

/**
 * Rules of the waiting-room display (docs/product.md §7 display) shared by the hub's feed and the TV:
 * rounding of waits, a doctor's presence, paging, and the spoken sentence.
 */

/** Waits shown on the TV are rounded to 5 minutes (never 0 for someone still waiting a little). */
export function roundedWaitMinutes(minutes: number): number {
  if (minutes <= 0) return 0;
  return Math.max(5, Math.round(minutes / 5) * 5);
}

/** in: inside a working piece now; break: between two pieces of today; out: otherwise. */
export function displayPresence(nowMs: number, pieces: readonly Interval[]): 'in' | 'break' | 'out' {
  const sorted = [...pieces].filter((p) => p.start < p.end).sort((a, b) => a.start - b.start);
  if (sorted.some((p) => p.start <= nowMs && nowMs < p.end)) return 'in';
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first && last && first.start < nowMs && nowMs < last.end) return 'break';
  return 'out';
}

/** The cards shown on page `page` (0-based) when `perPage` fit on the screen; pages wrap. */
export function pageOf<T>(cards: readonly T[], perPage: number, page: number): { items: T[]; pages: number } {
  const size = Math.max(1, perPage);
  const pages = Math.max(1, Math.ceil(cards.length / size));
  const current = ((page % pages) + pages) % pages;
  return { items: cards.slice(current * size, current * size + size), pages };
}

/** Seconds a page stays before the next one. */
export const PAGE_SECONDS = 10;

/**
 * What the display says (and shows) for a call: "Token K-012, room 2". Hindi gets its own words;
 * other languages use the English sentence read by a voice of that language.
 */
export function announcementText(call: { token: string; roomName: string | null }, language: string): string {
  const room = call.roomName?.trim() ?? '';
  const roomPart = (word: string) => (room === '' ? '' : `, ${/^\d/.test(room) ? `${word} ${room}` : room}`);
  if (language.toLowerCase().startsWith('hi')) return `टोकन ${call.token}${roomPart('कमरा')}`;
  return `Token ${call.token}${roomPart('room')}`;
}

/**
 * What is asked of speech synthesis for one call: the sentence said twice ("repeated once") in one
 * utterance, so a call is one request to speak and a recall another.
 */
export function spokenTwice(sentence: string, language: string): string {
  const stop = language.toLowerCase().startsWith('hi') ? '।' : '.';
  return `${sentence}${stop} ${sentence}${stop}`;
}
