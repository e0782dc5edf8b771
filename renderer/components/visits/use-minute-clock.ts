import { useEffect, useRef, useState } from 'react';
import { useHubClockOffset } from '@renderer/api/ApiProvider';

/**
 * The hub's clock as an ISO instant, updated at the start of every minute by it (for live
 * waiting times and estimates: shared/rules/wait-estimate.ts counts them against the hub's time,
 * as the hub does).
 */
export function useMinuteClock(): string {
  const offsetMs = useHubClockOffset();
  const offset = useRef(offsetMs);
  offset.current = offsetMs;
  const [tick, setTick] = useState(() => Date.now());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      timer = setTimeout(
        () => {
          setTick(Date.now());
          schedule();
        },
        60_000 - ((Date.now() + offset.current) % 60_000) + 50,
      );
    };
    schedule();
    return () => clearTimeout(timer);
  }, []);
  return new Date(tick + offsetMs).toISOString();
}
