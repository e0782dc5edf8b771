import { randomUUID } from 'node:crypto';
import { clinicDate } from '@shared/rules/zoned-time';
import type { ClinicSettings } from '@shared/domain/settings.schema';
import { getDoctor } from '@server/repositories/lookups.repository';
import { clinicValues, doctorDisplayName, messageDate, messageTime } from './message-params';
import {
  afterCommitHooks,
  type MessageContext,
  type WrittenMessage,
  writeMessages,
} from './message-writes.repository';
import { insertMessage } from './outbox.repository';
import { renderMessage } from './render-message';

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

export interface SignUpUnmatchedMessage {
  /** The sign-up attempt's id: one message per attempt. */
  attemptId: string;
  /** The name and phone the app was given (there is no record to take them from). */
  fullName: string;
  phone: string;
}

/**
 * "We could not match your details: call the clinic", by SMS to the phone an app sign-up gave,
 * with no patient (it matched none it could tell apart); key `sign-up-unmatched:<attemptId>:sms`.
 */
export function enqueueSignUpUnmatched(ctx: MessageContext, message: SignUpUnmatchedMessage): void {
  const values = { patientName: message.fullName, ...clinicValues(ctx.settings()) };
  insertMessage(ctx.db, {
    id: randomUUID(),
    dedupeKey: `sign-up-unmatched:${message.attemptId}:sms`,
    patientId: null,
    kind: 'sign_up_unmatched',
    channel: 'sms',
    language: 'en',
    recipient: message.phone,
    about: null,
    params: values,
    ...renderMessage(ctx.db, 'sign_up_unmatched', 'sms', 'en', values),
    attachment: null,
    state: 'pending',
    reason: null,
    dueMs: Date.parse(ctx.now),
    now: ctx.now,
  });
  afterCommitHooks(ctx).wake = true;
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
