import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { command, query } from './define';
import { eventsContract } from './events.contract';
import {
  contract,
  isOperationName,
  operationNames,
  type CommandName,
  type InputOf,
  type QueryName,
  type ResultOf,
} from './index';

const sampleId = '3f0b8a1e-2c4d-4e5f-8a9b-0c1d2e3f4a5b';

describe('the API contract', () => {
  it('names every operation area.verb', () => {
    for (const name of operationNames) expect(name).toMatch(/^[a-z]+\.[a-z][A-Za-z]*$/);
    for (const name of Object.keys(eventsContract)) expect(name).toMatch(/^[a-z]+\.[a-z][A-Za-z]*$/);
  });

  it('covers the workflows of docs/product.md §2–§11', () => {
    const required = [
      'patients.register',
      'patients.search',
      'doctors.create',
      'rooms.update',
      'schedules.setWeekly',
      'schedules.addException',
      'schedules.bulkReschedule',
      'slots.list',
      'appointments.book',
      'appointments.confirm',
      'appointments.decline',
      'appointments.cancel',
      'appointments.reschedule',
      'appointments.requestReschedule',
      'appointments.markNoShow',
      'appointments.undoTransition',
      'appointments.complete',
      'appointments.list',
      'appointments.search',
      'queue.checkIn',
      'queue.walkIn',
      'queue.move',
      'queue.setPriority',
      'queue.callNext',
      'queue.startConsultation',
      'consultations.saveDraft',
      'consultations.finalize',
      'consultations.addAddendum',
      'billing.recordPayment',
      'billing.refund',
      'billing.dailyCollection',
      'waitlist.join',
      'waitlist.accept',
      'notifications.outbox',
      'attachments.upload',
      'analytics.dashboard',
      'audit.list',
      'audit.verify',
      'audit.status',
      'settings.update',
      'users.setDisabled',
      'auth.login',
      'auth.logout',
    ];
    expect(required.filter((name) => !isOperationName(name))).toEqual([]);
    expect(isOperationName('toString')).toBe(false);
    // The waiting-room display reads only its own feed (displays.*, namespace /display): the older
    // staff query of every doctor's board is gone.
    expect(isOperationName('queue.board')).toBe(false);
  });

  it('gives every operation a summary and a kind that matches its verb', () => {
    for (const name of operationNames) {
      const operation = contract[name];
      expect(operation.summary.length, name).toBeGreaterThan(10);
      expect(['command', 'query']).toContain(operation.kind);
    }
    expect(contract['appointments.book'].kind).toBe('command');
    expect(contract['slots.list'].kind).toBe('query');
  });

  it('refuses unknown fields in every object-shaped input', () => {
    for (const name of operationNames) {
      const input = contract[name].input;
      const parsed = input.safeParse({ surpriseField: 1 });
      expect(parsed.success, name).toBe(false);
    }
  });

  it('types inputs and results per operation', () => {
    expectTypeOf<InputOf<'appointments.book'>>().toHaveProperty('startsAt');
    expectTypeOf<ResultOf<'queue.checkIn'>['token']>().toEqualTypeOf<string>();
    expectTypeOf<'appointments.book'>().toExtend<CommandName>();
    expectTypeOf<'slots.list'>().toExtend<QueryName>();
  });

  it('makes every operation declare where a desktop runs it, or it does not compile', () => {
    const input = z.strictObject({ id: z.string() });
    const result = z.strictObject({ id: z.string() });
    // @ts-expect-error: no offline mode
    expect(() => query('A read without a mode', input, result)).not.toThrow();
    // @ts-expect-error: a query is never queued
    query('A queued read', input, result, 'queue');
    // @ts-expect-error: a command is never answered by a replica
    command('A command from the replica', input, result, 'replica');
    // @ts-expect-error: only a queued command is provisional
    command('A provisional hub change', input, result, 'online-only', { table: 't', id: 'id', set: {} });
    // @ts-expect-error: a provisional mark names the record's id by an input field
    command('A provisional change', input, result, 'queue', { table: 't', id: 'nope', set: {} });
    expect(command('A queued change', input, result, 'queue').offline).toBe('queue');
    expect(contract['appointments.book'].provisional?.set).toEqual({ provisional: true, number: null });
  });

  it('applies defaults and validates a booking', () => {
    const parsed = contract['appointments.book'].input.parse({
      id: sampleId,
      patientId: sampleId,
      doctorId: sampleId,
      startsAt: '2026-11-23T03:30:00.000Z',
    });
    expect(parsed).toMatchObject({ type: 'NEW_VISIT', mode: 'IN_PERSON', note: '' });
    const bad = contract['appointments.book'].input.safeParse({
      id: sampleId,
      patientId: sampleId,
      doctorId: 'nope',
      startsAt: '23/11/2026 09:00',
    });
    expect(bad.success).toBe(false);
    if (!bad.success)
      expect(bad.error.issues.map((i) => i.path.join('.')).sort()).toEqual(['doctorId', 'startsAt']);
  });

  it('limits slot ranges to 31 days', () => {
    const input = contract['slots.list'].input;
    expect(
      input.safeParse({ doctorId: sampleId, fromDate: '2026-11-01', toDate: '2026-12-01' }).success,
    ).toBe(true);
    expect(
      input.safeParse({ doctorId: sampleId, fromDate: '2026-11-01', toDate: '2026-12-02' }).success,
    ).toBe(false);
    expect(
      input.safeParse({ doctorId: sampleId, fromDate: '2026-11-02', toDate: '2026-11-01' }).success,
    ).toBe(false);
  });

  it('requires exactly one of patientId and newPatient for a walk-in', () => {
    const input = contract['queue.walkIn'].input;
    const base = { appointmentId: sampleId, doctorId: sampleId };
    expect(input.safeParse(base).success).toBe(false);
    expect(input.safeParse({ ...base, patientId: sampleId }).success).toBe(true);
    expect(
      input.safeParse({
        ...base,
        patientId: sampleId,
        newPatient: { id: sampleId, details: { fullName: 'A' } },
      }).success,
    ).toBe(false);
  });

  it('validates push events', () => {
    expect(eventsContract['sync.poke'].safeParse({ hubId: 'h', epoch: 1, seq: 3 }).success).toBe(true);
    expect(z.object(eventsContract['queue.called'].shape).safeParse({}).success).toBe(false);
  });
});
