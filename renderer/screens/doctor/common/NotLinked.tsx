import { EmptyState } from '@renderer/components/StateViews';

/** A doctor account without a doctor profile cannot have a queue, schedule or requests. */
export function NotLinked() {
  return (
    <EmptyState
      title="This account is not linked to a doctor profile"
      description="Ask the clinic's admin to link your account to your doctor profile (Users)."
    />
  );
}
