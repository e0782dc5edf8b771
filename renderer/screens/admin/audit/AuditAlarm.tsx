import { Alert } from '@chakra-ui/react';
import { useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { auditAlarmText } from './audit-alarm';

/** A loud warning on the admin's screens while the audit chain has an alarm (`audit.status`). */
export function AuditAlarm() {
  const format = useClinicFormat();
  const status = useApiQuery('audit.status', {}, { refetchInterval: 5 * 60_000 });
  const text = status.data ? auditAlarmText(status.data, (iso) => format.dateTime(iso)) : null;
  if (!text) return null;
  return (
    <Alert.Root status="error" variant="solid" role="alert" mb="4" data-testid="audit-alarm">
      <Alert.Indicator />
      <Alert.Content>
        <Alert.Title>{text.title}</Alert.Title>
        <Alert.Description>{text.description}</Alert.Description>
      </Alert.Content>
    </Alert.Root>
  );
}
