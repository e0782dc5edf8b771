import { useEffect, useState } from 'react';
import { useConnectionState } from './ApiProvider';

/** This device's time moved by the hub's clock offset (ms since the epoch). */
export function hubTime(offsetMs: number, deviceNow = Date.now()): number {
  return deviceNow + offsetMs;
}

/**
 * The hub's current time (ms), by the offset its latest answer gave (ConnectionState
 * `hubClockOffsetMs`), renewed at the start of every minute of the hub's clock and whenever the
 * offset changes. Screens decide what the hub will accept by time with it, never by this device's
 * clock: a no-show is allowed from the start time by the hub's clock (shared/rules/lifecycle.ts).
 */
export function useHubNow(): number {
  const offset = useConnectionState().hubClockOffsetMs ?? 0;
  const [now, setNow] = useState(() => hubTime(offset));
  useEffect(() => {
    setNow(hubTime(offset));
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      timer = setTimeout(
        () => {
          setNow(hubTime(offset));
          schedule();
        },
        60_000 - (hubTime(offset) % 60_000) + 50,
      );
    };
    schedule();
    return () => clearTimeout(timer);
  }, [offset]);
  return now;
}
