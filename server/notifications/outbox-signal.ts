/**
 * Wakes the delivery worker when a committed transaction wrote a message due now (or a retry),
 * so that it does not wait for its next poll. A hint only: the worker also polls.
 */
export class OutboxSignal {
  private readonly listeners = new Set<() => void>();

  wake(): void {
    for (const listener of this.listeners) listener();
  }

  /** Returns the function that stops listening. */
  onWake(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
