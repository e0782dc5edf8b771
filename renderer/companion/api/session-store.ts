/**
 * The patient's session token, kept on the phone (localStorage) so the installed app stays signed
 * in across restarts until the patient signs out or the hub ends the session. The token never goes
 * in a URL (docs/architecture.md, patient gateway): only in the Authorization header.
 */
const KEY = 'clinic.companion.session';

export interface StoredSession {
  token: string;
  patientId: string;
}

type Listener = (session: StoredSession | null) => void;
const listeners = new Set<Listener>();

function read(): StoredSession | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredSession>;
    return typeof parsed.token === 'string' && typeof parsed.patientId === 'string'
      ? { token: parsed.token, patientId: parsed.patientId }
      : null;
  } catch {
    return null;
  }
}

let current: StoredSession | null = read();

export const sessionStore = {
  get: (): StoredSession | null => current,
  set(session: StoredSession | null): void {
    current = session;
    if (session) localStorage.setItem(KEY, JSON.stringify(session));
    else localStorage.removeItem(KEY);
    for (const listener of listeners) listener(session);
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
