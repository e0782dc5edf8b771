import type { WeeklyWindow } from '@shared/domain/schedule.schema';
import { minutesOfDay, weeklyScheduleSchema } from '@shared/domain/schedule.schema';

export const WEEKDAYS = [
  { day: 1, label: 'Monday' },
  { day: 2, label: 'Tuesday' },
  { day: 3, label: 'Wednesday' },
  { day: 4, label: 'Thursday' },
  { day: 5, label: 'Friday' },
  { day: 6, label: 'Saturday' },
  { day: 7, label: 'Sunday' },
] as const;

/** One editable window; `key` keeps React rows stable while times change. */
export interface WindowRow {
  key: string;
  weekday: number;
  start: string;
  end: string;
  roomId: string | null;
}

let counter = 0;
export const newKey = () => `w${++counter}`;

export function toRows(windows: readonly WeeklyWindow[]): WindowRow[] {
  return sortRows(windows.map((w) => ({ ...w, key: newKey() })));
}

export function sortRows(rows: WindowRow[]): WindowRow[] {
  return [...rows].sort((a, b) => a.weekday - b.weekday || minutesOfDay(a.start) - minutesOfDay(b.start));
}

export function toWindows(rows: readonly WindowRow[]): WeeklyWindow[] {
  return rows.map(({ weekday, start, end, roomId }) => ({ weekday, start, end, roomId }));
}

/** Problems per row key, in the schema's words (bad time, end before start, overlap that day). */
export function rowProblems(doctorId: string, rows: readonly WindowRow[]): Map<string, string> {
  const problems = new Map<string, string>();
  const result = weeklyScheduleSchema.safeParse({ doctorId, windows: toWindows(rows) });
  if (result.success) return problems;
  for (const issue of result.error.issues) {
    const index = issue.path[0] === 'windows' ? issue.path[1] : undefined;
    const row = typeof index === 'number' ? rows[index] : undefined;
    if (row && !problems.has(row.key)) {
      const field = issue.path[2];
      problems.set(row.key, `${typeof field === 'string' ? `${field}: ` : ''}${issue.message}`);
    }
  }
  return problems;
}

/** The next free hour after a day's last window, for "Add window". */
export function nextWindow(rows: readonly WindowRow[], weekday: number): { start: string; end: string } {
  const last = rows
    .filter((r) => r.weekday === weekday)
    .reduce((max, r) => Math.max(max, minutesOfDay(r.end)), 9 * 60 - 60);
  const start = Math.min(last + 60, 22 * 60);
  const hhmm = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return { start: hhmm(start), end: hhmm(Math.min(start + 180, 23 * 60 + 59)) };
}
