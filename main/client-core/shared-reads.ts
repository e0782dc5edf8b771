/**
 * Identical reads in flight at once (same operation, input and session) run once and share the
 * answer, or the refusal. A replica read runs synchronously, so it starts on the next turn of
 * the event loop: reads that arrive together (a screen's queries after a push) join it.
 */
export class SharedReads<T> {
  private readonly inFlight = new Map<string, Promise<T>>();

  run(key: string, read: () => T | Promise<T>): Promise<T> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const promise = new Promise<void>((resolve) => setImmediate(resolve))
      .then(read)
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }
}

/** The key of a read: the same for inputs that differ only in their keys' order. */
export function readKey(session: string, name: string, input: unknown): string {
  return JSON.stringify([session, name, sorted(input)]);
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, sorted(v)]));
}
