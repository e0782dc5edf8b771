import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '@server/core/dispatcher';
import { insertPatient } from '@server/testing/fixtures';
import { failureOf } from '@server/testing/failure';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { insertAppointment } from '@server/testing/visit-fixtures';

const NINE_AM = '2026-11-23T03:30:00.000Z';

/** Draft saves name the revision they were written on; a stale one keeps what it replaces. */
describe('consultation draft revisions and conflicts', () => {
  let hub: TestHub;
  let doctor: Caller & { userId: string; doctorId: string | null };
  let appointmentId: string;
  const id = randomUUID();

  beforeEach(async () => {
    hub = await createTestHub();
    doctor = await hub.signIn('doctor');
    const patientId = insertPatient(hub.db).id;
    appointmentId = insertAppointment(hub, { doctorId: doctor.doctorId!, patientId, startsAt: NINE_AM });
  });
  afterEach(() => hub.close());

  const save = (complaint: string, baseRevision: string | null, resolvedConflicts: string[] = []) =>
    hub.call(doctor, 'consultations.saveDraft', {
      id,
      appointmentId,
      content: { chiefComplaint: complaint },
      baseRevision,
      resolvedConflicts,
    });

  it('fast-forwards saves made on the current revision, each with a new revision', async () => {
    const first = await save('cough', null);
    const second = await save('cough for a week', first.consultation.draftRevision);
    expect(second.consultation.draftRevision).not.toBe(first.consultation.draftRevision);
    expect(second.consultation.chiefComplaint).toBe('cough for a week');
    expect(second.consultation.draftConflicts).toEqual([]);
  });

  it('keeps the text a stale save replaces, refuses to sign until the doctor chooses, and drops only what was resolved', async () => {
    const base = await save('cough', null);
    const rev = base.consultation.draftRevision;
    hub.clock.advance(1);
    const here = await save('cough, wheeze at night (consulting room)', rev);
    hub.clock.advance(1);
    // Written on the same old revision elsewhere: it becomes the draft, the other text is kept.
    const there = await save('cough, fever 38.5 (home office)', rev);
    expect(there.consultation.chiefComplaint).toBe('cough, fever 38.5 (home office)');
    expect(there.consultation.draftConflicts).toHaveLength(1);
    const [conflict] = there.consultation.draftConflicts;
    expect(conflict).toMatchObject({
      content: { chiefComplaint: 'cough, wheeze at night (consulting room)' },
      savedAt: here.consultation.updatedAt,
      replacedAt: there.consultation.updatedAt,
    });

    const refused = await failureOf(hub.call(doctor, 'consultations.finalize', { id }));
    expect(refused).toMatchObject({ code: 'POLICY' });
    expect(refused.message).toMatch(/another version of this draft/i);

    // A save on the current revision that does not resolve it keeps it.
    const edited = await save('cough, fever 38.5', there.consultation.draftRevision);
    expect(edited.consultation.draftConflicts.map((c) => c.id)).toEqual([conflict!.id]);
    // Merging by editing, then choosing: the conflict goes with the save that resolves it.
    const merged = await save('cough, wheeze at night, fever 38.5', edited.consultation.draftRevision, [
      conflict!.id,
    ]);
    expect(merged.consultation.draftConflicts).toEqual([]);
    const signed = await hub.call(doctor, 'consultations.finalize', { id });
    expect(signed.consultation.status).toBe('finalized');

    const audit = hub.db.sqlite
      .prepare("SELECT details FROM audit_log WHERE action = 'consultations.saveDraft' ORDER BY rowid")
      .all() as { details: string }[];
    expect(audit.map((a) => (JSON.parse(a.details) as { conflict: boolean }).conflict)).toEqual([
      false,
      false,
      true,
      false,
      false,
    ]);
  });

  it('taking the other version word for word resolves it; the same text twice is no conflict', async () => {
    const base = await save('cough', null);
    const rev = base.consultation.draftRevision;
    await save('version A', rev);
    const stale = await save('version B', rev);
    const [conflict] = stale.consultation.draftConflicts;
    const taken = await save(conflict!.content.chiefComplaint, stale.consultation.draftRevision);
    expect(taken.consultation.chiefComplaint).toBe('version A');
    // 'version B' was replaced by a save that named the revision it replaced: no conflict.
    expect(taken.consultation.draftConflicts).toEqual([]);

    const same = await save('version A', rev);
    expect(same.consultation.draftConflicts).toEqual([]);
  });
});
