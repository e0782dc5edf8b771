import type { Appointment } from '@shared/domain/appointment.schema';
import type { ClinicSettings } from '@shared/domain/settings.schema';
import type { MessageValues } from '@shared/rules/message-template';
import { formatMoney } from '@shared/rules/money';
import { instantToLocal } from '@shared/rules/zoned-time';
import type { Db } from '@server/db/database';
import { type ParameterOf, preparedQuery } from '@server/db/prepared-query';
import { getDoctor } from '@server/repositories/lookups.repository';

const billOf = preparedQuery((q, p: ParameterOf<{ id: string }>) =>
  q.selectFrom('bills').select(['number', 'currency', 'patientId']).where('id', '=', p('id')),
);
const appointmentNumberOf = preparedQuery((q, p: ParameterOf<{ id: string }>) =>
  q.selectFrom('appointments').select('number').where('id', '=', p('id')),
);

/**
 * The placeholder values of a message, read from the database. Only what a patient needs to find
 * their visit or payment: never a diagnosis, a prescription's content or a complaint (docs/product.md §10).
 */

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * 'Tue 8 Dec 2026' in the clinic's zone and locale (luxon's 'ccc d LLL yyyy'). The formatter is
 * made once per zone and locale: every booking and reminder formats a date.
 */
export function messageDate(at: number, settings: ClinicSettings): string {
  const key = `${settings.locale}|${settings.timeZone}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(settings.locale, {
      timeZone: settings.timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    });
    dateFormats.set(key, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]));
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
}

/** '10:30' (24-hour) in the clinic's zone. */
export function messageTime(at: number, settings: ClinicSettings): string {
  return instantToLocal(at, settings.timeZone).time;
}

/** 'Dr Kavitha Iyer' (a name already starting with Dr is kept). */
export function doctorDisplayName(fullName: string): string {
  return /^dr\.?\s/i.test(fullName) ? fullName : `Dr ${fullName}`;
}

export function clinicValues(settings: ClinicSettings): MessageValues {
  return {
    clinicName: settings.clinicName,
    clinicPhone: settings.phone ?? '',
    clinicAddress: settings.address,
  };
}

/** The values every visit message uses (booking, reminder, change, cancellation). */
export function visitValues(
  db: Db,
  settings: ClinicSettings,
  appointment: Pick<Appointment, 'number' | 'doctorId' | 'startsAt'>,
): MessageValues {
  const start = Date.parse(appointment.startsAt);
  return {
    appointmentNumber: appointment.number ?? '',
    doctor: doctorDisplayName(getDoctor(db, appointment.doctorId).fullName),
    date: messageDate(start, settings),
    time: messageTime(start, settings),
  };
}

/** The time an appointment was at before a move: previousDate / previousTime. */
export function previousValues(settings: ClinicSettings, oldStartsAt: string): MessageValues {
  const start = Date.parse(oldStartsAt);
  return { previousDate: messageDate(start, settings), previousTime: messageTime(start, settings) };
}

/** A payment or refund: the amount (always positive), its receipt and its bill's number. */
export function paymentValues(
  db: Db,
  settings: ClinicSettings,
  payment: { billId: string; amount: number; receiptNumber: string | null; at: string },
): MessageValues & { patientId: string } {
  const bill = billOf.first(db, { id: payment.billId })!;
  return {
    patientId: bill.patientId,
    amount: formatMoney(Math.abs(payment.amount), bill.currency, settings.locale),
    receiptNumber: payment.receiptNumber ?? '',
    billNumber: bill.number ?? '',
    date: messageDate(Date.parse(payment.at), settings),
  };
}

/** A finalized consultation: who signed it and when, never what it says. */
export function prescriptionValues(
  db: Db,
  settings: ClinicSettings,
  consultation: { appointmentId: string; doctorId: string; signedAt: string | null; updatedAt: string },
): MessageValues {
  const appointment = appointmentNumberOf.first(db, { id: consultation.appointmentId });
  return {
    appointmentNumber: appointment?.number ?? '',
    doctor: doctorDisplayName(getDoctor(db, consultation.doctorId).fullName),
    date: messageDate(Date.parse(consultation.signedAt ?? consultation.updatedAt), settings),
  };
}
