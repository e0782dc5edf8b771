import { createHash } from 'node:crypto';

/** What identifies one queued change, the same on the desktop that made it and on the hub. */
export interface MutationIdentity {
  clientId: string;
  name: string;
  input: unknown;
  createdAt: string;
}

/**
 * Ids for the records a pushed mutation creates that its input does not name (a queue entry, a
 * bill item): derived from the mutation itself, so the desktop that ran it optimistically and the
 * hub that applies it create the same ids, and a later offline change can refer to them.
 * Stable across renumbering (a restored hub), since the mutation id is not part of it.
 */
export function mutationIdSource(mutation: MutationIdentity): () => string {
  const seed = createHash('sha256')
    .update(
      `${mutation.clientId}\n${mutation.name}\n${mutation.createdAt}\n${JSON.stringify(mutation.input)}`,
    )
    .digest();
  let n = 0;
  return () => {
    n += 1;
    const bytes = createHash('sha256').update(seed).update(String(n)).digest().subarray(0, 16);
    bytes[6] = (bytes[6]! & 0x0f) | 0x80; // version 8: custom (RFC 9562)
    bytes[8] = (bytes[8]! & 0x3f) | 0x80; // variant 10
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}

/**
 * What a pushed mutation is, whatever its number: a re-sent duplicate has the same fingerprint,
 * another change that a copy of the same desktop numbered alike (a cloned data folder) does not.
 */
export function mutationFingerprint(
  mutation: Omit<MutationIdentity, 'clientId'> & { origin?: string | undefined },
): string {
  const { name, createdAt, origin, input } = mutation;
  return createHash('sha256')
    .update(`${name}\n${createdAt}\n${origin ?? ''}\n${JSON.stringify(input)}`)
    .digest('base64url');
}
