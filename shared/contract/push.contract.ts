import { z } from 'zod';
import { okSchema } from './common';
import { command, query } from './define';

/** A browser's PushSubscription as `subscription.toJSON()` gives it (Push API). */
export const pushSubscriptionInputSchema = z.strictObject({
  endpoint: z.string().trim().min(1).max(2000),
  /** Null or absent in browsers that have no expiry; kept out of the hub. */
  expirationTime: z.number().nullable().optional(),
  keys: z.strictObject({
    /** The browser's P-256 public key, base64url (65 bytes uncompressed). */
    p256dh: z.string().regex(/^[A-Za-z0-9_-]{86,88}={0,2}$/, 'must be a base64url P-256 public key'),
    /** The 16-byte auth secret, base64url. */
    auth: z.string().regex(/^[A-Za-z0-9_-]{21,24}={0,2}$/, 'must be a base64url 16-byte secret'),
  }),
});

/** Web Push on the patient's phones (issue 20): the hub's VAPID public key and the subscriptions. */
export const pushContract = {
  'push.publicKey': query(
    'The hub’s VAPID public key (base64url) the app subscribes with. Never the private key.',
    z.strictObject({}),
    z.strictObject({ publicKey: z.string() }),
    'online-only',
  ),
  'push.subscribe': command(
    'Send the clinic’s reminders, “your turn is near” and waiting-list offers to this browser too.',
    pushSubscriptionInputSchema,
    okSchema,
    'online-only',
  ),
  'push.unsubscribe': command(
    'Stop pushes to this browser (by its endpoint); unknown endpoints answer ok.',
    z.strictObject({ endpoint: z.string().trim().min(1).max(2000) }),
    okSchema,
    'online-only',
  ),
} as const;
