import { z } from 'zod';
import { idSchema, instantSchema } from '@shared/domain/common.schema';
import { displaySchema, displaySettingsSchema } from '@shared/domain/display.schema';
import { byIdSchema, okSchema } from './common';
import { command, query } from './define';

/** A pairing code as typed on a TV remote: 8 letters and digits, case and dashes ignored. */
export const pairingCodeSchema = z
  .string()
  .transform((value) => value.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{8}$/, { error: 'must be the 8-character code shown to the admin' }));

const pairingSchema = z.strictObject({
  display: displaySchema,
  /** Shown once; the hub keeps only its hash. */
  pairingCode: z.string(),
  pairingExpiresAt: instantSchema,
});

/** Waiting-room displays (docs/product.md §7): the admin's side, and the TV's one public step (pairing). */
export const displayContract = {
  'displays.list': query(
    'Waiting-room displays and their pairing state.',
    z.strictObject({}),
    z.array(displaySchema),
    'replica',
  ),
  'displays.create': command(
    'Add a waiting-room display showing the chosen doctors; answers its pairing code (valid 15 minutes).',
    z.strictObject({ id: idSchema, settings: displaySettingsSchema }),
    pairingSchema,
    'online-only',
  ),
  'displays.update': command(
    'Change what a display shows and how it announces (name, doctors, message line, theme, language, voice).',
    z.strictObject({ id: idSchema, settings: displaySettingsSchema }),
    displaySchema,
    'online-only',
  ),
  'displays.newPairingCode': command(
    'A new pairing code for a display (its current credential keeps working until the code is used).',
    byIdSchema,
    pairingSchema,
    'online-only',
  ),
  'displays.revoke': command(
    'Revoke a display: its credential stops working at once and its screen goes blank.',
    byIdSchema,
    okSchema,
    'online-only',
  ),
  'displays.testAnnouncement': command(
    'Make a paired display announce a test call ("Token A-001, room 1") in its language and voice.',
    byIdSchema,
    okSchema,
    'online-only',
  ),
  'displays.pair': command(
    'The TV exchanges a pairing code for its display-only credential (kept by the TV, never shown).',
    z.strictObject({ code: pairingCodeSchema }),
    z.strictObject({ displayId: idSchema, credential: z.string() }),
    'online-only',
  ),
} as const;
