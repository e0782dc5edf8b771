/** One dispatched Server-Sent Event: its name (default "message") and its data lines joined. */
export interface SseEvent {
  event: string;
  data: string;
}

/**
 * The Server-Sent Events text format (WHATWG HTML "event stream interpretation"), fed in chunks
 * as they arrive: lines end in CRLF, LF or CR (a CR at a chunk's end may pair with the next
 * chunk's LF); `field: value` with one leading space dropped; `data` lines join with LF; a blank
 * line dispatches; `:` lines are comments; an event without data is not dispatched. The browser's
 * EventSource does this itself, but it cannot send the Authorization header the gateway needs.
 */
export class SseParser {
  private buffer = '';
  private lastWasCr = false;
  private eventName = '';
  private dataLines: string[] = [];
  private hasData = false;

  /** The `retry:` advice in milliseconds, once the server sent one. */
  retryMs: number | null = null;
  /** The last `id:` seen (kept for a reconnect's Last-Event-ID). */
  lastEventId = '';

  /** Parses a chunk; returns the events it completed, in order. */
  push(chunk: string): SseEvent[] {
    const events: SseEvent[] = [];
    let text = chunk;
    if (this.lastWasCr && text.startsWith('\n')) text = text.slice(1);
    this.lastWasCr = false;
    this.buffer += text;
    for (;;) {
      const end = this.buffer.search(/[\r\n]/);
      if (end < 0) break;
      const line = this.buffer.slice(0, end);
      let next = end + 1;
      if (this.buffer[end] === '\r') {
        if (end + 1 === this.buffer.length) this.lastWasCr = true;
        else if (this.buffer[end + 1] === '\n') next = end + 2;
      }
      this.buffer = this.buffer.slice(next);
      const event = this.line(line);
      if (event) events.push(event);
    }
    return events;
  }

  private line(line: string): SseEvent | null {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.eventName = value;
    else if (field === 'data') {
      this.dataLines.push(value);
      this.hasData = true;
    } else if (field === 'id' && !value.includes('\0')) this.lastEventId = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.retryMs = Number(value);
    return null;
  }

  private dispatch(): SseEvent | null {
    const event = this.hasData
      ? { event: this.eventName || 'message', data: this.dataLines.join('\n') }
      : null;
    this.eventName = '';
    this.dataLines = [];
    this.hasData = false;
    return event;
  }
}
