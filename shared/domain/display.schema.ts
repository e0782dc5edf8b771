import { z } from 'zod';
import { idSchema, instantSchema, requiredText, text } from './common.schema';

/** A waiting-room display's look and voice, set by the admin (docs/product.md §7 display). */
export const displaySettingsSchema = z
  .strictObject({
    name: requiredText(60),
    /** The doctors whose queues it shows, in this order (up to 24). */
    doctorIds: z.array(idSchema).max(24).default([]),
    /** Rooms it shows, after the doctors: a card per doctor working in the room today (up to 24). */
    roomIds: z.array(idSchema).max(24).default([]),
    /** An optional line under the cards ("Please keep your token slip ready"). */
    message: text(160).default(''),
    theme: z.enum(['dark', 'light']).default('dark'),
    /** BCP 47 language of the announcements (the browser's speech synthesis), e.g. en-IN, hi-IN. */
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: 'must be a language tag such as en-IN' })
      .default('en-IN'),
    /** A voice name the TV's browser offers; null: its default voice for the language. */
    voice: text(100).nullable().default(null),
    /** Show the clinic's companion app link (a clinic setting) as a QR code in a corner. */
    showQrCode: z.boolean().default(false),
  })
  .refine((settings) => settings.doctorIds.length + settings.roomIds.length > 0, {
    error: 'choose at least one doctor or room',
    path: ['doctorIds'],
  });
export type DisplaySettings = z.output<typeof displaySettingsSchema>;

/** A voice the TV's browser offers (`speechSynthesis.getVoices()`), as it reported it. */
export const displayVoiceSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  lang: z.string().trim().max(35),
});
export type DisplayVoice = z.infer<typeof displayVoiceSchema>;
/** At most this many voices are kept per display (a browser offers a few dozen). */
export const DISPLAY_VOICES_MAX = 200;
/** What the TV reports over its socket (`display.voices`). */
export const displayVoicesSchema = z.array(displayVoiceSchema).max(DISPLAY_VOICES_MAX);

/** A display as the admin sees it: never its credential, only whether one is live. */
export const displaySchema = z.strictObject({
  id: idSchema,
  ...displaySettingsSchema.shape,
  /** The voices its TV reported last (empty until it has). */
  voices: displayVoicesSchema,
  createdAt: instantSchema,
  /** When the TV last used its pairing code (null: not paired yet or waiting for a new pairing). */
  pairedAt: instantSchema.nullable(),
  /** Until when the current pairing code works (null: none outstanding). */
  pairingExpiresAt: instantSchema.nullable(),
  revokedAt: instantSchema.nullable(),
  lastSeenAt: instantSchema.nullable(),
});
export type Display = z.infer<typeof displaySchema>;

/**
 * The display feed (docs/architecture.md (The contract)): tokens, patients' initials, doctors, rooms and estimates, and
 * nothing else. Strict objects: a field added by mistake fails the hub's own check before sending.
 */
const feedPatientSchema = z.strictObject({
  token: z.string().max(20),
  initials: z.string().max(4),
});

/** A doctor's card, or a chosen room's card with nobody working in it today (doctor null, "not in"). */
export const displayCardSchema = z.strictObject({
  doctorId: idSchema.nullable(),
  doctorName: z.string().max(120).nullable(),
  /** The chosen room this card stands for (null: the doctor was chosen, not a room). */
  roomId: idSchema.nullable(),
  roomName: z.string().max(60).nullable(),
  /** in: working now; break: between two working windows today; out: before, after or not today. */
  presence: z.enum(['in', 'break', 'out']),
  serving: feedPatientSchema.nullable(),
  /** The next three waiting, with the estimated wait rounded to 5 minutes (docs/product.md §7 estimates). */
  next: z.array(feedPatientSchema.extend({ waitMinutes: z.number().int().min(0) })).max(3),
  waitingCount: z.number().int().min(0),
});
export type DisplayCard = z.infer<typeof displayCardSchema>;

/** A call or recall: `seq` grows across hub restarts, so a display announces each once. */
export const displayCallSchema = z.strictObject({
  seq: z.number().int().min(1),
  kind: z.enum(['call', 'recall']),
  doctorId: idSchema,
  token: z.string().max(20),
  roomName: z.string().max(60).nullable(),
  at: instantSchema,
});
export type DisplayCall = z.infer<typeof displayCallSchema>;

export const displaySnapshotSchema = z.strictObject({
  hubId: z.string(),
  epoch: z.number().int(),
  /** Grows with every change the snapshot may reflect; a display ignores an older one. */
  version: z.number().int().min(0),
  generatedAt: instantSchema,
  clinicName: z.string(),
  timeZone: z.string(),
  display: z.strictObject({
    id: idSchema,
    name: z.string(),
    message: z.string(),
    theme: z.enum(['dark', 'light']),
    language: z.string(),
    voice: z.string().nullable(),
  }),
  cards: z.array(displayCardSchema),
  /** The companion app link to show as a QR code: set only when the clinic has one and this display shows it. */
  companionAppUrl: z.url({ protocol: /^https?$/ }).nullable(),
  /** Today's latest calls of the shown doctors (at most 20), oldest first. */
  calls: z.array(displayCallSchema).max(20),
});
export type DisplaySnapshot = z.infer<typeof displaySnapshotSchema>;
