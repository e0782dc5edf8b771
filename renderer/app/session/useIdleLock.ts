import { useCallback, useEffect, useState } from 'react';

const LOCKED_KEY = 'clinic.locked';
const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Locks after `minutes` without keyboard or pointer activity. The lock survives a reload of the
 * tab (so reloading is no way around it).
 */
export function useIdleLock(minutes: number): { locked: boolean; lock: () => void; unlock: () => void } {
  const [locked, setLocked] = useState(() => readLocked());
  const lock = useCallback(() => {
    writeLocked(true);
    setLocked(true);
  }, []);
  const unlock = useCallback(() => {
    writeLocked(false);
    setLocked(false);
  }, []);

  useEffect(() => {
    if (locked) return;
    let last = Date.now();
    const onActivity = () => {
      last = Date.now();
    };
    for (const event of ACTIVITY) window.addEventListener(event, onActivity, { passive: true });
    const timer = setInterval(() => {
      if (Date.now() - last >= minutes * 60_000) lock();
    }, 5_000);
    return () => {
      for (const event of ACTIVITY) window.removeEventListener(event, onActivity);
      clearInterval(timer);
    };
  }, [locked, minutes, lock]);

  return { locked, lock, unlock };
}

function readLocked(): boolean {
  try {
    return sessionStorage.getItem(LOCKED_KEY) === '1';
  } catch {
    return false;
  }
}
function writeLocked(value: boolean): void {
  try {
    if (value) sessionStorage.setItem(LOCKED_KEY, '1');
    else sessionStorage.removeItem(LOCKED_KEY);
  } catch {
    // not remembered across reloads
  }
}

/** Forget the lock (on sign-out: the next person starts unlocked at the sign-in screen). */
export function clearLock(): void {
  writeLocked(false);
}
