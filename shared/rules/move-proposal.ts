/**
 * A new time for a booking that leave (or a schedule change) strands: the same time of day on
 * the nearest day the doctor is free then (ties: the later day, never brought forward before a
 * nearer later one); failing that, the free slot nearest in time of day on the nearest day with
 * any. `taken` holds slots already given to other bookings of the same move, and gains the one
 * chosen, so two bookings never get the same slot. With `sameDay` (the booking goes to a colleague,
 * who is not the one away) its own day comes first: the patient may keep their date and time.
 */
export interface FreeDay {
  date: string;
  slots: readonly { start: string; localTime: string }[];
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

export function proposeMove(
  original: { date: string; time: string },
  days: readonly FreeDay[],
  taken: Set<string>,
  options: { sameDay?: boolean } = {},
): string | null {
  const byNearness = days
    .filter((d) => options.sameDay || d.date !== original.date)
    .map((d) => ({ ...d, distance: dayNumber(d.date) - dayNumber(original.date) }))
    .sort((a, b) => Math.abs(a.distance) - Math.abs(b.distance) || b.distance - a.distance);
  const free = (day: FreeDay) => day.slots.filter((s) => !taken.has(s.start));
  const choose = (start: string) => {
    taken.add(start);
    return start;
  };
  for (const day of byNearness) {
    const same = free(day).find((s) => s.localTime === original.time);
    if (same) return choose(same.start);
  }
  const target = minutesOf(original.time);
  for (const day of byNearness) {
    const slots = free(day);
    if (slots.length === 0) continue;
    const nearest = slots.reduce((best, s) =>
      Math.abs(minutesOf(s.localTime) - target) < Math.abs(minutesOf(best.localTime) - target) ? s : best,
    );
    return choose(nearest.start);
  }
  return null;
}
