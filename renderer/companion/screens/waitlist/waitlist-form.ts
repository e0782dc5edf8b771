/** What the join form holds before it is sent. */
export interface JoinDraft {
  doctorId: string;
  fromDate: string;
  toDate: string;
  note: string;
}

export type JoinField = 'doctorId' | 'fromDate' | 'toDate' | 'note';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const NOTE_MAX = 300;

/**
 * The fields the patient must fix before joining, checked on the phone so the answer is
 * immediate; `today` is the clinic's calendar day (YYYY-MM-DD). The hub checks again.
 */
export function joinProblems(draft: JoinDraft, today: string): JoinField[] {
  const problems: JoinField[] = [];
  if (!draft.doctorId) problems.push('doctorId');
  const fromOk = ISO_DATE.test(draft.fromDate) && draft.fromDate >= today;
  if (!fromOk) problems.push('fromDate');
  if (!ISO_DATE.test(draft.toDate) || draft.toDate < (fromOk ? draft.fromDate : today))
    problems.push('toDate');
  if (draft.note.length > NOTE_MAX) problems.push('note');
  return problems;
}

/** The clinic's calendar day of an instant, YYYY-MM-DD in its time zone. */
export function clinicDay(instant: Date, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/** The day `days` after an ISO date. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Fields the hub named in a VALIDATION answer, kept to the ones the form shows. */
export function knownFields(fields: readonly { field: string }[] | undefined): JoinField[] {
  const known: readonly string[] = ['doctorId', 'fromDate', 'toDate', 'note'];
  return [...new Set((fields ?? []).map((f) => f.field).filter((f) => known.includes(f)))] as JoinField[];
}

/** An offer is still live while its hold has not ended. */
export function offerLive(offer: { expiresAt: string } | null, now: Date): boolean {
  return offer !== null && new Date(offer.expiresAt).getTime() > now.getTime();
}
