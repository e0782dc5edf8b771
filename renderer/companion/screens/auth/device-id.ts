const KEY = 'clinic.companion.device';

/**
 * This phone's name for the hub's sign-in records and throttle (the contract's deviceId): random,
 * made once and kept. getRandomValues, not randomUUID: a clinic's hub on the LAN may be plain http.
 */
export function deviceId(): string {
  const kept = localStorage.getItem(KEY);
  if (kept) return kept;
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  const made = `phone-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
  localStorage.setItem(KEY, made);
  return made;
}
