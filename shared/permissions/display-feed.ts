/**
 * What a waiting-room display's credential may ask of the hub (docs/architecture.md (The contract; Security invariants)): its own feed, and
 * to report the voices its browser offers (kept for the admin's choice), nothing else, deny by
 * default. The credential is not a staff session, so every contract operation other than the
 * public ones refuses it like a caller with no session (`authorize`).
 */
export const displayFeedMessages = ['display.snapshot', 'display.voices'] as const;
export type DisplayFeedMessage = (typeof displayFeedMessages)[number];

/** The credential as the hub found it: null when it matches no display. */
export interface DisplayCredentialState {
  displayId: string;
  revoked: boolean;
}

export type DisplayDecision =
  { allowed: true; displayId: string } | { allowed: false; reason: 'unauthenticated' | 'forbidden' };

/** The one evaluator for display connections: at connect (`message` null) and on every message. */
export function authorizeDisplay(
  credential: DisplayCredentialState | null,
  message: string | null,
): DisplayDecision {
  if (!credential || credential.revoked) return { allowed: false, reason: 'unauthenticated' };
  if (message !== null && !(displayFeedMessages as readonly string[]).includes(message)) {
    return { allowed: false, reason: 'forbidden' };
  }
  return { allowed: true, displayId: credential.displayId };
}
