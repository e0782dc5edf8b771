/** A half-open interval [start, end) of epoch ms. */
export interface Interval {
  start: number;
  end: number;
}

/** Half-open overlap: touching intervals do not overlap, and an empty interval overlaps nothing. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end && a.start < a.end && b.start < b.end;
}
