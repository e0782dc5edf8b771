import { randomUUID } from 'node:crypto';
import type { CatalogRoute } from './route-catalog';
import type { OwnedKind, SweepPatient, SweepWorld } from './sweep-world';

/** What a request answered, as text (PDFs included), with its content type. */
export interface Answer {
  status: number;
  type: string;
  text: string;
}

export interface Probe {
  route: CatalogRoute;
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  token: string;
}

export async function send(origin: string, probe: Probe): Promise<Answer> {
  const search = probe.query ? `?${new URLSearchParams(probe.query).toString()}` : '';
  const hasBody = probe.body !== undefined && probe.route.method !== 'GET' && probe.route.method !== 'HEAD';
  const response = await fetch(`${origin}${probe.path}${search}`, {
    method: probe.route.method,
    headers: {
      authorization: `Bearer ${probe.token}`,
      ...(hasBody ? { 'content-type': 'application/json' } : {}),
    },
    body: hasBody ? JSON.stringify(probe.body) : undefined,
  });
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!;
  return { status: response.status, type, text: await bodyText(response) };
}

/**
 * The body as text (PDF bytes as Latin-1); of an event stream, which never ends, what its first
 * events bring in (the stream's greeting and snapshot), then the stream is closed.
 */
export async function bodyText(response: Response): Promise<string> {
  if (!(response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    return Buffer.from(await response.arrayBuffer()).toString('latin1');
  }
  const reader = response.body!.getReader();
  const first = await reader.read();
  await reader.cancel();
  return first.value ? Buffer.from(first.value).toString('latin1') : '';
}

/** The answer with the id it was asked about written as `<id>` (naming the asked id leaks nothing). */
export function normalized(answer: Answer, id: string): Answer {
  return { ...answer, text: answer.text.replaceAll(id, '<id>') };
}

/** What of `owner` an answer to someone else must never contain. */
export function markersOf(owner: SweepPatient): string[] {
  return [
    owner.patientId,
    owner.code,
    owner.fullName,
    owner.phone.replace(/\D/g, '').slice(-10),
    ...Object.values(owner.ids).flat(),
  ];
}

export function leaks(answer: Answer, markers: string[]): string[] {
  return markers.filter((marker) => answer.text.includes(marker));
}

/**
 * One request about `id`, with what it made the gateway do: its dispatcher calls (operation and
 * outcome) and the number of SQL statements it ran — the timing class, compared by count, never
 * by a duration.
 */
export async function tracedSend(
  world: SweepWorld,
  probe: Probe,
  id: string,
): Promise<{ answer: Answer; path: string[]; statements: number }> {
  const calls = world.dispatched.length;
  const before = world.statements();
  const answer = normalized(await send(world.origin, probe), id);
  return {
    answer,
    path: world.dispatched.slice(calls),
    statements: world.statements() - before,
  };
}

/** A fresh id no record has. */
export const missingId = (): string => randomUUID();

/** One of a patient's rows per owned table (their state after a sweep must be unchanged). */
export function rowsOf(world: SweepWorld, owner: SweepPatient): string {
  const db = world.hub.db.sqlite;
  const all = (sql: string, ...args: unknown[]) => db.prepare(sql).all(...args);
  return JSON.stringify({
    appointments: all('SELECT * FROM appointments WHERE patientId = ? ORDER BY id', owner.patientId),
    transitions: all(
      `SELECT * FROM status_transitions WHERE appointmentId IN
         (SELECT id FROM appointments WHERE patientId = ?) ORDER BY id`,
      owner.patientId,
    ),
    bills: all('SELECT * FROM bills WHERE patientId = ? ORDER BY id', owner.patientId),
    payments: all(
      'SELECT * FROM payments WHERE billId IN (SELECT id FROM bills WHERE patientId = ?) ORDER BY id',
      owner.patientId,
    ),
    consultations: all('SELECT * FROM consultations WHERE patientId = ? ORDER BY id', owner.patientId),
    waitlist: all('SELECT * FROM waitlist_entries WHERE patientId = ? ORDER BY id', owner.patientId),
    notifications: all(
      `SELECT id, state, readAt FROM notifications WHERE patientId = ? AND channel = 'in_app' ORDER BY id`,
      owner.patientId,
    ),
    patient: all('SELECT * FROM patients WHERE id = ?', owner.patientId),
  });
}

export type { OwnedKind };
