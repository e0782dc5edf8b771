import type { HandlerMap } from '@server/core/handler';

/** Patients: register, update, duplicates, search, profile (SPEC §2). */
export const patientHandlers: HandlerMap = {};
