import { createHash, randomUUID } from 'node:crypto';

/** The fixed namespace of the gateway's stored ids (never change it: retries would stop matching). */
const NAMESPACE = Buffer.from('6b0ef6d3a9704b9fa37fc504ebf81649', 'hex');

/** What a retry key names; the same key for a booking and a waiting-list entry stays two ids. */
export type RetryKind = 'appointment' | 'reschedule-request' | 'waitlist-entry';

/**
 * The id stored for a patient's new booking, reschedule request or waiting-list entry. The app
 * sends an optional retry key (the `id`/`requestId` field) so a retried request is recognised;
 * the stored id is derived from it and the session's patient (a UUIDv5), so a client can never
 * name a record of someone else: another patient's id as a key makes a new record, exactly like
 * a fresh key (security review), and the same patient's retry hits the same id as before.
 * Without a key: a new random id.
 */
export function storedId(kind: RetryKind, patientId: string, retryKey: string | undefined): string {
  if (retryKey === undefined) return randomUUID();
  const hash = createHash('sha1')
    .update(NAMESPACE)
    .update(`${kind}:${patientId}:${retryKey.toLowerCase()}`)
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
