import { describe, expect, it } from 'vitest';
import { reconnectDelay } from './live-stream';
import { SseParser } from './sse-parser';

describe('SseParser', () => {
  it('reads the gateway’s stream: retry, a heartbeat comment, named events with JSON data', () => {
    const parser = new SseParser();
    const events = parser.push(
      'retry: 5000\n\nevent: queue\ndata: {"clinicDate":"2026-12-07","position":null}\n\n: heartbeat\n\nevent: notifications\ndata: {"unread":2}\n\n',
    );
    expect(parser.retryMs).toBe(5000);
    expect(events).toEqual([
      { event: 'queue', data: '{"clinicDate":"2026-12-07","position":null}' },
      { event: 'notifications', data: '{"unread":2}' },
    ]);
  });

  it('keeps a partial event across chunks, split anywhere, and CRLF split between chunks', () => {
    const text = 'event: queue\r\ndata: {"a":1}\r\n\r\nevent: session\r\ndata: {"ended":true}\r\n\r\n';
    for (let cut = 0; cut <= text.length; cut += 1) {
      const parser = new SseParser();
      const events = [...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut))];
      expect(events, `cut at ${cut}`).toEqual([
        { event: 'queue', data: '{"a":1}' },
        { event: 'session', data: '{"ended":true}' },
      ]);
    }
  });

  it('joins data lines, defaults the name to message, keeps spaces past the first, accepts CR alone', () => {
    const parser = new SseParser();
    expect(parser.push('data:one\rdata:  two\r\rid: 7\nevent\ndata\n\n')).toEqual([
      { event: 'message', data: 'one\n two' },
      { event: 'message', data: '' },
    ]);
    expect(parser.lastEventId).toBe('7');
  });

  it('dispatches nothing for an event without data, ignores unknown fields and a bad retry', () => {
    const parser = new SseParser();
    expect(parser.push('event: queue\n\nfoo: bar\nretry: soon\n\n')).toEqual([]);
    expect(parser.retryMs).toBeNull();
    // The event name does not leak into the next event.
    expect(parser.push('data: x\n\n')).toEqual([{ event: 'message', data: 'x' }]);
  });
});

describe('reconnectDelay', () => {
  it('doubles from the base, stays under the cap, and spreads phones apart', () => {
    expect(reconnectDelay(0, 1000, 60_000, () => 0)).toBe(500);
    expect(reconnectDelay(0, 1000, 60_000, () => 1)).toBe(1000);
    expect(reconnectDelay(3, 1000, 60_000, () => 1)).toBe(8000);
    expect(reconnectDelay(50, 1000, 60_000, () => 1)).toBe(60_000);
  });
});
