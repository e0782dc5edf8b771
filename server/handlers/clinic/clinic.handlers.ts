import type { HandlerMap } from '@server/core/handler';
import { deviceHandlers } from './devices.handlers';
import { doctorHandlers } from './doctors.handlers';
import { roomHandlers } from './rooms.handlers';
import { scheduleHandlers } from './schedules.handlers';
import { settingsHandlers } from './settings.handlers';

/** Settings, doctors, rooms, schedules and exceptions, slots, devices (docs/product.md §3–4). */
export const clinicHandlers: HandlerMap = {
  ...settingsHandlers,
  ...doctorHandlers,
  ...roomHandlers,
  ...scheduleHandlers,
  ...deviceHandlers,
};
