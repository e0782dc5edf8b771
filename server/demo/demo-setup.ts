import type { WeeklyWindow } from '@shared/domain/schedule.schema';
import type { DemoDriver } from './demo-driver';
import type { DemoRandom } from './demo-random';
import type { SeededDoctor } from './demo-sim';
import { DEMO_ACCOUNTS, DEMO_DOCTORS, DEMO_PASSWORD, DEMO_ROOMS, DEMO_SETTINGS } from './demo-staff';

const MINUTE_MS = 60_000;

/**
 * The first morning: the admin sets the hub up, adds rooms, doctors and their weekly schedules,
 * then everyone's account (doctors linked to their profiles).
 */
export async function setUpClinic(driver: DemoDriver, rng: DemoRandom): Promise<SeededDoctor[]> {
  const [admin, ...staff] = DEMO_ACCOUNTS;
  const session = await driver.anonymous('auth.setup', {
    settings: DEMO_SETTINGS,
    admin: { username: admin!.username, displayName: admin!.name, password: DEMO_PASSWORD },
    deviceId: admin!.deviceId,
  });
  driver.addStaff(admin!.username, DEMO_PASSWORD, admin!.deviceId, session);
  const step = () => driver.at(driver.nowMs + rng.int(1, 3) * MINUTE_MS);

  const rooms = new Map<string, string>();
  for (const details of DEMO_ROOMS) {
    step();
    const room = await driver.as('admin', 'rooms.create', { id: rng.uuid(), details });
    rooms.set(details.name, room.id);
  }

  const doctors: SeededDoctor[] = [];
  for (const spec of DEMO_DOCTORS) {
    step();
    const doctor = await driver.as('admin', 'doctors.create', { id: rng.uuid(), details: spec.details });
    const roomId = rooms.get(spec.room) ?? null;
    const windows: WeeklyWindow[] = spec.weekly.flatMap((block) =>
      block.weekdays.map((weekday) => ({ weekday, start: block.start, end: block.end, roomId })),
    );
    step();
    await driver.as('admin', 'schedules.setWeekly', { doctorId: doctor.id, windows });
    doctors.push({ spec, id: doctor.id });
  }

  for (const account of staff) {
    step();
    await driver.as('admin', 'users.create', {
      id: rng.uuid(),
      username: account.username,
      displayName: account.name,
      role: account.role,
      doctorId: doctors.find((d) => d.spec.key === account.doctor)?.id ?? null,
      password: DEMO_PASSWORD,
    });
    driver.addStaff(account.username, DEMO_PASSWORD, account.deviceId);
  }
  return doctors;
}
