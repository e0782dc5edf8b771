import { browserNameOf } from '@shared/rules/device-label';

/** Where the browser keeps who it is: a device id for good (localStorage), the session per tab. */
const DEVICE_ID_KEY = 'clinic.deviceId';
const TOKEN_KEY = 'clinic.sessionToken';

export function deviceId(): string {
  const existing = safeGet(localStorage, DEVICE_ID_KEY);
  if (existing) return existing;
  const id = `browser-${crypto.randomUUID()}`;
  safeSet(localStorage, DEVICE_ID_KEY, id);
  return id;
}

/** A readable name for the admin's device list, e.g. "Chrome on Linux" (until the admin names it). */
export function deviceName(): string {
  return browserNameOf(navigator.userAgent);
}

export function storedToken(): string | null {
  return safeGet(sessionStorage, TOKEN_KEY);
}

export function storeToken(token: string | null): void {
  if (token === null) safeRemove(sessionStorage, TOKEN_KEY);
  else safeSet(sessionStorage, TOKEN_KEY, token);
}

function safeGet(storage: Storage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}
function safeSet(storage: Storage, key: string, value: string): void {
  try {
    storage.setItem(key, value);
  } catch {
    // Storage disabled (private mode): the value lives as long as the page.
  }
}
function safeRemove(storage: Storage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // as above
  }
}
