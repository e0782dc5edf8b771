import { clinicDate } from '@shared/rules/zoned-time';
import type { ClinicSettings } from '@shared/domain/settings.schema';
import { getDoctor } from '@server/repositories/lookups.repository';
import { doctorDisplayName, messageDate, messageTime } from './message-params';
import { type MessageContext, type WrittenMessage, writeMessages } from './message-writes.repository';

/**
 * Messages other features send from inside their own handlers (the gateway's codes, the waiting
 * list's offers), in the handler's transaction: call these from `run` with its context.
 */

export interface CodeMessage {
  kind: 'activation_code' | 'password_reset_code';
  /** The patient the code is for (their phone and e-mail receive it). */
  patientId: string;
  /** Their app account, once it exists (a password reset); null for a first activation. */
  userId: string | null;
  /** The code record's id: one message per code and channel. */
  codeId: string;
  code: string;
  /** ISO instant the code stops working. */
  validUntil: string;
  /** Default both; a code never goes to the in-app inbox (it opens the app). */
  channels?: readonly ('sms' | 'email')[];
}

/** An activation or password-reset code by SMS and e-mail; key `code:<userId>:<codeId>:<channel>`. */
export function enqueueCode(ctx: MessageContext, message: CodeMessage): WrittenMessage[] {
  const owner = message.userId ?? message.patientId;
  return writeMessages(ctx, {
    kind: message.kind,
    patientId: message.patientId,
    about: message.userId ? { entity: 'users', id: message.userId } : null,
    key: (channel) => `code:${owner}:${message.codeId}:${channel}`,
    values: { code: message.code, validUntil: wallTime(ctx, message.validUntil) },
    channels: message.channels ?? ['sms', 'email'],
  });
}

export interface WaitlistOfferMessage {
  entryId: string;
  /** The offer's id (an entry may be offered several times). */
  offerId: string;
  patientId: string;
  doctorId: string;
  /** The held slot's start, ISO. */
  startsAt: string;
  /** ISO instant the hold ends. */
  holdUntil: string;
}

/** A held slot offered to a waiting patient, on all their channels; key `waitlist:<entryId>:<offerId>:<channel>`. */
export function enqueueWaitlistOffer(ctx: MessageContext, offer: WaitlistOfferMessage): WrittenMessage[] {
  const settings = ctx.settings();
  const start = Date.parse(offer.startsAt);
  return writeMessages(ctx, {
    kind: 'waitlist_offer',
    patientId: offer.patientId,
    about: { entity: 'waitlist_entries', id: offer.entryId },
    key: (channel) => `waitlist:${offer.entryId}:${offer.offerId}:${channel}`,
    values: {
      doctor: doctorDisplayName(getDoctor(ctx.db, offer.doctorId).fullName),
      date: messageDate(start, settings),
      time: messageTime(start, settings),
      holdUntil: wallTime(ctx, offer.holdUntil),
    },
  });
}

/** '11:45' today, or 'Wed 9 Dec 2026 11:45' on another clinic date. */
function wallTime(ctx: { now: string; settings(): ClinicSettings }, instant: string): string {
  const settings = ctx.settings();
  const at = Date.parse(instant);
  const time = messageTime(at, settings);
  return clinicDate(at, settings.timeZone) === clinicDate(ctx.now, settings.timeZone)
    ? time
    : `${messageDate(at, settings)} ${time}`;
}
