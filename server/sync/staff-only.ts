import { failure } from '@shared/contract/errors';
import type { Actor } from '@shared/domain/user.schema';

/**
 * The LAN sync port serves staff only: a patient's session (the companion app's) is refused here,
 * as the patient gateway refuses staff sessions (server/gateway/), so that neither port's token
 * opens the other.
 */
export function staffOnly(actor: Actor): Actor {
  if (actor.role === 'patient') {
    throw failure('UNAUTHENTICATED', 'Patient accounts sign in through the clinic’s app, not here.');
  }
  return actor;
}
