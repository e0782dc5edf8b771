import { ApiFailure, type ApiError } from '@shared/contract/errors';
import { patientCaller } from '@server/testing/patient-caller';
import type { Caller } from '@server/core/dispatcher';
import type { TestHub } from '@server/testing/test-hub';

/** A signed-in patient for tests (see @server/testing/patient-caller). */
export function patientSession(hub: TestHub, patientId: string): Promise<Caller & { userId: string }> {
  return Promise.resolve(patientCaller(hub, patientId));
}

/** The error a call failed with (fails the test if it succeeded). */
export async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiFailure) return error.error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

export function count(hub: TestHub, table: string): number {
  return (hub.db.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
