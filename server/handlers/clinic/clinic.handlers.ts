import type { HandlerMap } from '@server/core/handler';

/** Settings, doctors, rooms, schedules and exceptions, slots, devices (SPEC §3–4). */
export const clinicHandlers: HandlerMap = {};
