import type { ResultOf } from '@shared/contract/index';

type AuditStatus = ResultOf<'audit.status'>;

/** What the admin is told when a check found the audit log edited, cut short or wiped. */
export function auditAlarmText(
  status: AuditStatus,
  formatInstant: (iso: string) => string,
): { title: string; description: string } | null {
  const failed = status.lastCheck && !status.lastCheck.ok ? status.lastCheck : null;
  const found =
    status.alarm ?? (failed && { ...failed, problem: failed.problem ?? '', detectedAt: failed.at });
  if (!found) return null;
  return {
    title:
      found.firstBadSeq === null
        ? 'The audit log may have been tampered with: its anchor does not match.'
        : `The audit log has been tampered with. First bad entry: #${found.firstBadSeq}.`,
    description:
      `${found.problem} (found ${formatInstant(found.detectedAt)}). Entries may have been edited or ` +
      'deleted outside the app. Keep this computer as it is, and restore the data directory from a ' +
      'backup taken before that time with your IT support.',
  };
}
