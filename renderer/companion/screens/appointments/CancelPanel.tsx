import { Alert, Button, HStack, Stack, Text } from '@chakra-ui/react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@renderer/companion/api/api-error';
import { api } from '@renderer/companion/api/client';
import { type ClinicInfo, useFormat } from '@renderer/companion/api/clinic';
import { useOnline } from '@renderer/companion/shell/use-online';
import { invalidateAfterBooking } from '@renderer/companion/screens/booking/invalidate';
import { cancelState } from './cancel-window';
import type { PatientAppointment } from './use-appointment';

/**
 * Cancel, with the window shown before the patient tries ("You can cancel until Tue 10:30"); once
 * it has passed the button stays, disabled, with that text and the clinic's phone.
 */
export function CancelPanel({
  appointment,
  clinic,
}: {
  appointment: PatientAppointment;
  clinic: ClinicInfo;
}) {
  const { t } = useTranslation('appointments');
  const format = useFormat();
  const online = useOnline();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const state = cancelState(appointment, clinic.cancellationWindowMinutes);
  const cancel = useMutation({
    mutationFn: () => api.post<PatientAppointment>(`/appointments/${appointment.id}/cancel`, {}),
    onSuccess: () => invalidateAfterBooking(queryClient),
    onSettled: () => setAsking(false),
  });
  if (state.kind === 'closed') return null;

  const until = format.dayTime(state.until);
  const refusedLate = isApiError(cancel.error) && cancel.error.code === 'POLICY';
  const passed = state.kind === 'passed' || refusedLate;
  const callClinic = clinic.phone ? t('cancel.call', { phone: clinic.phone }) : '';
  return (
    <Stack gap="2" data-testid="cancel-panel">
      <Text data-testid="cancel-window">
        {passed ? `${t('cancel.passed', { time: until })} ${callClinic}` : t('cancel.until', { time: until })}
      </Text>
      {!online && <Text color="orange.800">{t('offline')}</Text>}
      {cancel.isError && !refusedLate && (
        <Alert.Root status="error" role="alert">
          <Alert.Indicator />
          <Alert.Description>
            {isApiError(cancel.error) && cancel.error.offline
              ? t('offline')
              : isApiError(cancel.error) && cancel.error.code === 'INVALID_TRANSITION'
                ? t('cancel.notNow')
                : t('errors.generic')}
          </Alert.Description>
        </Alert.Root>
      )}
      {refusedLate && (
        <Alert.Root status="error" role="alert">
          <Alert.Indicator />
          <Alert.Description>{t('cancel.refused', { time: until })}</Alert.Description>
        </Alert.Root>
      )}
      {asking ? (
        <Stack gap="2" role="group" aria-label={t('cancel.confirmQuestion')}>
          <Text fontWeight="semibold">{t('cancel.confirmQuestion')}</Text>
          <HStack gap="2">
            <Button
              colorPalette="red"
              flex="1"
              loading={cancel.isPending}
              disabled={!online}
              onClick={() => cancel.mutate()}
            >
              {t('cancel.yes')}
            </Button>
            <Button variant="outline" flex="1" onClick={() => setAsking(false)}>
              {t('cancel.keep')}
            </Button>
          </HStack>
        </Stack>
      ) : (
        <Button
          variant="outline"
          colorPalette="red"
          disabled={passed || !online}
          onClick={() => {
            cancel.reset();
            setAsking(true);
          }}
        >
          {t('cancel.button')}
        </Button>
      )}
    </Stack>
  );
}
