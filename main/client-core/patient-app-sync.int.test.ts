import { describe, expect, it } from 'vitest';
import { appClient, gatewayOn, signUpPatient } from '@server/gateway/testing/patient-app';
import { at, clinicPerTest, newDesktop, signedIn, waitFor } from '@main/client-core/testing/clinic';

interface Booked {
  appointment: { id: string; status: string; bookedVia: string };
}

describe('the patient app and the front desk', { timeout: 60_000 }, () => {
  const { desktops, start } = clinicPerTest();

  it('shows a booking, a reschedule request and a cancellation from the app on the desk', async () => {
    const clinic = await start({ patients: 1 });
    const gateway = await gatewayOn(clinic.server.hub);
    try {
      const desk = newDesktop(clinic.server.url, 'front-desk');
      desktops.push(desk);
      await signedIn(desk, clinic.users.receptionist);

      // Sign-up → the code from the SMS outbox → activation → sign-in, all over HTTP.
      const meera = await signUpPatient(clinic.server.hub.db, gateway.api, { phone: '+91 98450 77777' });
      const app = appClient(gateway.api, meera.token);
      const booked = await app.post<Booked>('/appointments', {
        doctorId: clinic.doctorId,
        startsAt: at('2026-11-23', '11:00'),
      });
      expect(booked.status).toBe(201);
      const { id } = booked.body.appointment;

      // The desk's replica, through the real sync path, with the app named as the channel.
      const onDesk = async () =>
        (
          await desk.core.call('appointments.list', {
            fromDate: '2026-11-23',
            toDate: '2026-11-23',
            doctorId: clinic.doctorId,
          })
        ).items.find((a) => a.id === id);
      const seen = await waitFor(onDesk, 'the desk to see the app’s booking');
      expect(seen).toMatchObject({
        patientId: meera.patientId,
        bookedVia: 'patient_app',
        status: 'CONFIRMED',
      });
      const patient = await waitFor(
        async () => (await desk.core.call('patients.search', { text: 'Meera' }))[0],
        'the desk to see the app’s patient',
      );
      expect(patient?.id).toBe(meera.patientId);

      const request = await app.post(`/appointments/${id}/reschedule-request`, { note: 'Evening, please' });
      expect(request.status).toBe(201);
      const requests = await waitFor(async () => {
        const history = await desk.core.call('appointments.history', { id });
        return history.requests.length ? history.requests : null;
      }, 'the desk to see the reschedule request');
      expect(requests).toEqual([expect.objectContaining({ status: 'PENDING', note: 'Evening, please' })]);

      expect((await app.post(`/appointments/${id}/cancel`, {})).status).toBe(200);
      const cancelled = await waitFor(
        async () => ((await onDesk())?.status === 'CANCELLED' ? await onDesk() : null),
        'the desk to see the cancellation',
      );
      expect(cancelled?.status).toBe('CANCELLED');
    } finally {
      await gateway.close();
    }
  });
});
