import { ScreenPlaceholder } from '@renderer/components/ScreenPlaceholder';

/** Doctors' weekly schedules, leave and extra hours (SPEC §3). */
export function SchedulesScreen() {
  return (
    <ScreenPlaceholder title="Schedules" description="Doctors' weekly schedules, leave and extra hours." />
  );
}
