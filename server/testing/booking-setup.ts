import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { ApiFailure, type ErrorCode } from '@shared/contract/errors';
import type { ClinicSettings } from '@shared/domain/settings.schema';
import { localToInstant } from '@shared/rules/zoned-time';
import type { Caller } from '@server/core/dispatcher';
import { insertDoctor, insertPatient, weekdaySchedule } from '@server/testing/fixtures';
import type { TestHub } from '@server/testing/test-hub';

/** The test hub's default day: Monday 2026-11-23, 08:00 in Kolkata. */
export const MONDAY = '2026-11-23';
export const TUESDAY = '2026-11-24';

export const at = (date: string, time: string) => localToInstant(date, time, 'Asia/Kolkata');

/** A doctor on the docs/product.md §4 worked-example schedule: Mon–Fri 09:00–13:00, 14:00–17:00, 30 min. */
export function examDoctor(hub: TestHub, buffers = { before: 0, after: 0 }) {
  const doctor = insertDoctor(hub.db, { sessionMinutes: 30, bufferOverride: buffers });
  weekdaySchedule(hub.db, doctor.id);
  return doctor;
}

export function changeSettings(hub: TestHub, change: Partial<ClinicSettings>): void {
  hub.core.saveSettings({ ...hub.core.settings(), ...change });
}

export { patientCaller } from '@server/testing/patient-caller';

export function newPatient(hub: TestHub, fullName = 'Asha Rao') {
  return insertPatient(hub.db, { fullName });
}

/** Awaits a call expected to fail with `code`, and returns the failure. */
export async function refusal(promise: Promise<unknown>, code: ErrorCode): Promise<ApiFailure> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiFailure);
  const failure = error as ApiFailure;
  expect(failure.error.code, failure.message).toBe(code);
  return failure;
}

export function localTimes(slots: readonly { localTime: string }[]): string[] {
  return slots.map((s) => s.localTime);
}

export async function bookAt(
  hub: TestHub,
  caller: Caller,
  doctorId: string,
  patientId: string,
  startsAt: string,
  extra: { overrideReason?: string; mode?: 'IN_PERSON' | 'ONLINE' } = {},
) {
  const { appointment } = await hub.call(caller, 'appointments.book', {
    id: randomUUID(),
    patientId,
    doctorId,
    startsAt,
    ...extra,
  });
  return appointment;
}
