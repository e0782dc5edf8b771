import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeHint } from '@shared/contract/change-hint';
import type { InputOf, OperationName, ResultOf } from '@shared/contract/index';
import { fixedClock } from '@server/core/clock';
import type { Caller } from '@server/core/dispatcher';
import { lastSmsCode, patientIdByPhone } from '@server/testing/app-codes';
import { type ClientCore, createClientCore } from '@main/client-core/client-core';
import { at, type Clinic, NOW, startClinic, TEST_PASSWORD, waitFor } from '@main/client-core/testing/clinic';

const PHONE = '+91 98450 44321';
const APP_PASSWORD = 'Monsoon-Rains-2026';
/** Far beyond the test's waits: what reaches a desktop came by the hub's poke, not the timer. */
const NO_TIMER = 10 * 60_000;

/**
 * Issue 19, "Reception sees app activity at once": what a patient does in the app (the gateway calls
 * the hub's dispatcher with the patient's session, as here) reaches every desktop's replica through
 * the real sync path, driven by the hub's poke, and the desktop tells its screens to refetch.
 */
describe('patient-app activity reaches the desktops', { timeout: 120_000 }, () => {
  let clinic: Clinic;
  const cores: ClientCore[] = [];
  const dirs: string[] = [];
  const changes = new Map<ClientCore, ChangeHint[]>();
  let app: Caller;

  function desktop(name: string): ClientCore {
    const dataDir = mkdtempSync(join(tmpdir(), `clinic-desktop-${name}-`));
    dirs.push(dataDir);
    const core = createClientCore({
      dataDir,
      hubUrl: clinic.server.url,
      deviceId: `${name}-${randomUUID().slice(0, 8)}`,
      deviceName: name,
      clock: fixedClock(NOW),
      pullIntervalMs: NO_TIMER,
    });
    cores.push(core);
    changes.set(core, []);
    core.onChange((event) => {
      if (event.source === 'remote' && event.hint) changes.get(core)!.push(event.hint);
    });
    return core;
  }

  const patient = <N extends OperationName>(name: N, input: InputOf<N>, caller: Caller = app) =>
    clinic.server.hub.dispatcher.call(name, input, caller) as Promise<ResultOf<N>>;
  const anonymous: Caller = { token: null, deviceId: 'patient-app', address: '127.0.0.1' };

  beforeAll(async () => {
    clinic = await startClinic();
    // Sign-up, the SMS code, activation and sign-in, as the app does them through the gateway.
    await patient(
      'auth.patientSignUp',
      { fullName: 'Farah Khan', phone: PHONE, dateOfBirth: '1990-04-12', email: null },
      anonymous,
    );
    const patientId = patientIdByPhone(clinic.server.hub.db, '9845044321')!;
    const code = lastSmsCode(clinic.server.hub.db, patientId)!;
    await patient(
      'auth.activate',
      { login: PHONE, code, password: APP_PASSWORD, deviceId: 'farah-phone' },
      anonymous,
    );
    const session = await patient(
      'auth.patientLogin',
      { login: PHONE, password: APP_PASSWORD, deviceId: 'farah-phone' },
      anonymous,
    );
    app = { token: session.token, deviceId: 'farah-phone', address: '127.0.0.1' };
  });
  afterAll(async () => {
    for (const core of cores) await core.close();
    await clinic?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('a booking, a reschedule request and its approval, and a cancellation show on every desktop', async () => {
    const reception = desktop('front-desk');
    const doctor = desktop('doctor-room');
    await reception.signIn(clinic.users.receptionist, TEST_PASSWORD);
    await doctor.signIn(clinic.users.doctor, TEST_PASSWORD);
    for (const core of cores) {
      await waitFor(() => core.connectionState().online, 'the desktops to be online');
      await core.syncNow();
    }
    const me = await patient('patients.me', {});
    const tuesday = (time: string) => at('2026-11-24', time);
    const todayBoard = (core: ClientCore) =>
      core.call('appointments.list', { fromDate: '2026-11-24', toDate: '2026-11-24', limit: 200 });
    const onBoard = async (core: ClientCore, id: string) =>
      (await todayBoard(core)).items.find((a) => a.id === id);

    const { appointment } = await patient('appointments.book', {
      id: randomUUID(),
      patientId: me.id,
      doctorId: clinic.doctorId,
      startsAt: tuesday('10:00'),
      type: 'NEW_VISIT',
      mode: 'IN_PERSON',
      note: 'Booked from the app',
    });
    for (const core of cores) {
      const seen = await waitFor(() => onBoard(core, appointment.id), 'the app booking on each desktop');
      expect(seen).toMatchObject({ bookedVia: 'patient_app', startsAt: tuesday('10:00'), patientId: me.id });
      // The screens hear of it: a change event naming the appointment's row.
      expect(changes.get(core)!.some((hint) => hint.ids?.appointments?.includes(appointment.id))).toBe(true);
    }

    const request = await patient('appointments.requestReschedule', {
      id: appointment.id,
      requestId: randomUUID(),
      preferredDate: null,
      preferredStartsAt: tuesday('15:00'),
      note: 'A meeting came up in the morning',
    });
    for (const core of cores) {
      const listed = await waitFor(
        async () => (await core.call('appointments.rescheduleRequests', {})).at(0),
        'the reschedule request in each desktop’s request list',
      );
      expect(listed).toMatchObject({
        request: { id: request.id, status: 'PENDING', preferredStartsAt: tuesday('15:00') },
        appointment: { id: appointment.id, startsAt: tuesday('10:00'), bookedVia: 'patient_app' },
      });
    }

    // Reception approves at the asked time: the doctor's desktop sees the move and an empty list.
    await reception.call('appointments.decideReschedule', {
      requestId: request.id,
      approve: true,
      newStartsAt: tuesday('15:00'),
      reason: '',
    });
    await waitFor(
      async () =>
        (await onBoard(doctor, appointment.id))?.startsAt === tuesday('15:00') &&
        (await doctor.call('appointments.rescheduleRequests', {})).length === 0,
      'the approved move on the doctor’s desktop',
    );

    const hintsBefore = cores.map((core) => changes.get(core)!.length);
    const { hub } = clinic.server;
    const pokes: { tables?: string[] }[] = [];
    const stopListening = hub.core.events.on('sync.poke', (poke) => pokes.push(poke));
    await patient('appointments.cancel', { id: appointment.id, reason: 'Feeling better' });
    for (const [i, core] of cores.entries()) {
      await waitFor(
        async () => (await onBoard(core, appointment.id))?.status === 'CANCELLED',
        'the cancellation on each desktop',
      );
      const hints = changes.get(core)!.slice(hintsBefore[i]);
      expect(hints.some((hint) => hint.ids?.appointments?.includes(appointment.id))).toBe(true);
    }
    // The patient's cancellation pokes the desks as a front-desk one does: the same tables.
    const staff = await hub.signIn('receptionist', { username: 'reception3' });
    const { appointment: other } = await patient(
      'appointments.book',
      { id: randomUUID(), patientId: me.id, doctorId: clinic.doctorId, startsAt: tuesday('11:00') },
      staff,
    );
    const patientPoke = pokes[0]!;
    pokes.length = 0;
    await patient('appointments.cancel', { id: other.id, reason: 'Patient phoned to cancel' }, staff);
    stopListening();
    expect(pokes).toHaveLength(1);
    expect([...patientPoke.tables!].sort()).toEqual([...pokes[0]!.tables!].sort());
  });
});
