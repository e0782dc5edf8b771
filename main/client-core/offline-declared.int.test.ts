import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ApiFailure } from '@shared/contract/errors';
import { contract, operationNames, type OperationName } from '@shared/contract/index';
import { at, clinicPerTest, type Clinic, hubDown, newDesktop, signedIn, waitFor } from './testing/clinic';

/** 'ok', or the refusal's code. */
async function outcomeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (error instanceof ApiFailure) return error.code;
    throw error;
  }
}

/** A valid input for each command that declares how its record is provisional. */
const provisionalSamples: Record<string, (clinic: Clinic) => Record<string, unknown>> = {
  'patients.register': () => ({ id: randomUUID(), details: { fullName: 'Kavya Offline', sex: 'female' } }),
  'appointments.book': (clinic) => ({
    id: randomUUID(),
    patientId: clinic.patientIds[0],
    doctorId: clinic.doctorId,
    startsAt: at('2026-11-23', '10:00'),
  }),
  'queue.walkIn': (clinic) => ({
    appointmentId: randomUUID(),
    doctorId: clinic.doctorId,
    patientId: clinic.patientIds[1],
  }),
};

/** The client core does what each operation declares in the contract (`offline`, `provisional`). */
describe('an offline desktop and the contract’s offline declarations', { timeout: 60_000 }, () => {
  const { desktops, start } = clinicPerTest();

  it('says the hub is needed for every online-only operation, answers replica queries and queues commands itself, and marks provisional records as declared', async () => {
    const clinic = await start();
    const desk = newDesktop(clinic.server.url, 'reception');
    desktops.push(desk);
    await signedIn(desk, clinic.users.receptionist);
    await hubDown(clinic);
    await waitFor(() => !desk.core.connectionState().online, 'the desktop to be offline');

    // Every operation, with an input most refuse: online-only ones never get as far as checking it.
    const outcomes = new Map<OperationName, string>();
    for (const name of operationNames) {
      outcomes.set(name, await outcomeOf(desk.core.call(name, {})));
    }
    const wrong = operationNames.filter(
      (name) => (outcomes.get(name) === 'UNREACHABLE') !== (contract[name].offline === 'online-only'),
    );
    expect(wrong.map((name) => `${name} (${contract[name].offline}): ${outcomes.get(name)}`)).toEqual([]);
    // A replica query answers with the replica's rows.
    const found = await desk.core.call('patients.search', { text: 'Patient' });
    expect(found.map((p) => p.id).sort()).toEqual([...clinic.patientIds].sort());

    // Queued: each provisional command is applied here, waits in the outbox, and its record shows
    // the declared values (in the result and in the replica's row) until the hub accepts it.
    const marked = operationNames.filter((name) => contract[name].provisional);
    expect(marked.sort()).toEqual(Object.keys(provisionalSamples).sort());
    const replica = new Database(desk.core.replicaFile, { readonly: true });
    try {
      for (const name of marked) {
        const mark = contract[name].provisional!;
        const input = provisionalSamples[name]!(clinic);
        const pending = desk.core.connectionState().pendingCount;
        const result = (await desk.core.call(name, input)) as Record<string, unknown>;
        expect(desk.core.connectionState().pendingCount, name).toBe(pending + 1);
        const record = (mark.result ? result[mark.result] : result) as Record<string, unknown>;
        const row = replica
          .prepare(`SELECT * FROM "${mark.table}" WHERE id = ?`)
          .get(input[mark.id]) as Record<string, unknown>;
        for (const [field, shown] of Object.entries(mark.set)) {
          const expected = shown !== null && typeof shown === 'object' ? record[shown.from] : shown;
          expect(expected, `${name}: ${field}`).not.toBeUndefined();
          expect(record[field], `${name}: ${field}`).toEqual(expected);
          expect(row[field], `${name}: ${field} in the replica`).toEqual(
            typeof expected === 'boolean' ? Number(expected) : expected,
          );
        }
      }
    } finally {
      replica.close();
    }
    // What the declarations promise, in the product's words (docs/architecture.md: Provisional).
    const booked = await desk.core.call('appointments.list', { patientId: clinic.patientIds[0] });
    expect(booked.items.map((a) => [a.provisional, a.number])).toEqual([[true, null]]);
    const registered = await desk.core.call('patients.search', { text: 'Kavya' });
    expect(registered.map((p) => p.code)).toEqual([expect.stringMatching(/^TMP-/)]);
  });
});
