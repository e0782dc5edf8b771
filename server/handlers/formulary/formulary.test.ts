import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '@server/core/dispatcher';
import { insertPatient } from '@server/testing/fixtures';
import { failureOf } from '@server/testing/failure';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { insertAppointment } from '@server/testing/visit-fixtures';

const NINE_AM = '2026-11-23T03:30:00.000Z';
const rows = (...medicines: string[]) =>
  medicines.map((medicine) => ({ medicine, dosePattern: '1-0-1', durationDays: 3 }));

describe('the clinic’s formulary entries', () => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await createTestHub();
  });
  afterEach(() => hub.close());

  it('an entry the admin adds is synced and used for the allergy check at once', async () => {
    const doctor = await hub.signIn('doctor');
    const patientId = insertPatient(hub.db, { allergies: ['NSAIDs', 'Zaltoprofen'] }).id;
    const appointmentId = insertAppointment(hub, {
      doctorId: doctor.doctorId!,
      patientId,
      startsAt: NINE_AM,
    });
    const save = () =>
      hub.call(doctor, 'consultations.saveDraft', {
        id: randomUUID(),
        appointmentId,
        content: { prescription: rows('Zaltokin 80', 'Crocin') },
      });
    // Unknown to the shipped formulary: checked by name only, and the name differs.
    expect((await save()).allergyWarnings).toEqual([]);

    const entry = await hub.call(hub.admin, 'formulary.addEntry', {
      id: randomUUID(),
      details: { generic: 'Zaltoprofen', brands: ['Zaltokin'], classes: ['NSAIDs'] },
    });
    expect(entry).toMatchObject({ generic: 'Zaltoprofen', brands: ['Zaltokin'], classes: ['NSAIDs'] });
    const logged = hub.db.sqlite
      .prepare(`SELECT entity, entityId FROM changes WHERE entity = 'formulary_entries'`)
      .all();
    expect(logged).toEqual([{ entity: 'formulary_entries', entityId: entry.id }]);

    const warnings = (await save()).allergyWarnings.map((w) => `${w.medicine} ← ${w.allergy}: ${w.reason}`);
    expect(warnings).toEqual([
      'Zaltokin 80 ← NSAIDs: Zaltoprofen is one of the NSAIDs',
      'Zaltokin 80 ← Zaltoprofen: Zaltokin 80 contains zaltoprofen',
    ]);
    expect(await hub.call(doctor, 'formulary.list', {})).toEqual([entry]);
  });

  it('refuses a brand the formulary gives to another generic, and non-admins', async () => {
    const error = await failureOf(
      hub.call(hub.admin, 'formulary.addEntry', {
        id: randomUUID(),
        details: { generic: 'Aceclofenac', brands: ['Zerodol', 'Brufen'], classes: [] },
      }),
    );
    expect(error).toMatchObject({
      code: 'CONFLICT',
      fields: [{ field: 'details.brands.1', message: 'is already Brufen (Ibuprofen)' }],
    });
    const missing = await failureOf(
      hub.call(hub.admin, 'formulary.addEntry', { id: randomUUID(), details: { generic: ' ', brands: [] } }),
    );
    expect(missing.fields).toEqual([{ field: 'details.generic', message: 'is required' }]);
    const doctor = await hub.signIn('doctor');
    const denied = await failureOf(
      hub.call(doctor, 'formulary.addEntry', { id: randomUUID(), details: { generic: 'Ketoprofen' } }),
    );
    expect(denied.code).toBe('FORBIDDEN');
  });
});

describe('prescription templates', () => {
  let hub: TestHub;
  let doctor: Caller & { doctorId: string | null };
  beforeEach(async () => {
    hub = await createTestHub();
    doctor = await hub.signIn('doctor');
  });
  afterEach(() => hub.close());

  it('a doctor saves, replaces by name, lists and deletes only their own templates', async () => {
    const first = await hub.call(doctor, 'prescriptions.saveTemplate', {
      id: randomUUID(),
      name: 'Viral fever adult',
      items: rows('Dolo 650', 'Cetzine'),
    });
    expect(first.items.map((i) => [i.medicine, i.timing, i.strength])).toEqual([
      ['Dolo 650', 'after_food', ''],
      ['Cetzine', 'after_food', ''],
    ]);
    const replaced = await hub.call(doctor, 'prescriptions.saveTemplate', {
      id: randomUUID(),
      name: 'viral FEVER adult',
      items: rows('Crocin'),
    });
    expect(replaced).toMatchObject({ id: first.id, name: 'viral FEVER adult', createdAt: first.createdAt });
    expect(await hub.call(doctor, 'prescriptions.templates', {})).toEqual([replaced]);

    const other = await hub.signIn('doctor');
    expect(await hub.call(other, 'prescriptions.templates', {})).toEqual([]);
    const stolen = await failureOf(hub.call(other, 'prescriptions.deleteTemplate', { id: first.id }));
    expect(stolen).toMatchObject({ code: 'NOT_FOUND', message: 'No such prescription template.' });
    const overwrite = await failureOf(
      hub.call(other, 'prescriptions.saveTemplate', { id: first.id, name: 'Mine', items: rows('Crocin') }),
    );
    expect(overwrite.code).toBe('NOT_FOUND');

    const empty = await failureOf(
      hub.call(doctor, 'prescriptions.saveTemplate', { id: randomUUID(), name: 'Nothing', items: [] }),
    );
    expect(empty.fields).toEqual([{ field: 'items', message: 'must hold at least one medicine' }]);
    const badRow = await failureOf(
      hub.call(doctor, 'prescriptions.saveTemplate', {
        id: randomUUID(),
        name: 'Bad',
        items: [{ medicine: 'Crocin', dosePattern: 'twice', durationDays: 3 }],
      }),
    );
    expect(badRow.fields?.[0]?.field).toBe('items.0.dosePattern');

    expect(await hub.call(doctor, 'prescriptions.deleteTemplate', { id: first.id })).toEqual({ ok: true });
    expect(await hub.call(doctor, 'prescriptions.templates', {})).toEqual([]);
    const deletes = hub.db.sqlite
      .prepare(`SELECT count(*) AS n FROM changes WHERE entity = 'prescription_templates' AND entityId = ?`)
      .get(first.id);
    expect(deletes).toEqual({ n: 3 });
    const nurse = await hub.signIn('nurse');
    expect((await failureOf(hub.call(nurse, 'prescriptions.templates', {}))).code).toBe('FORBIDDEN');
  });
});
