import { describe, expect, it } from 'vitest';
import { containsText, groupRefusedDrafts } from './refused-drafts';

describe('refused drafts: when a newer refused text continues an older one', () => {
  it('drops the older text only when every piece of it is in the newer one', () => {
    expect(
      containsText({ chiefComplaint: 'cough 3 weeks, fever' }, { chiefComplaint: 'cough 3 weeks' }),
    ).toBe(true);
    expect(
      containsText({ chiefComplaint: 'cough 3 weeks', advice: 'rest' }, { chiefComplaint: 'cough 3 weeks ' }),
    ).toBe(true);
    expect(containsText({ chiefComplaint: 'cough' }, { chiefComplaint: 'cough 3 weeks' })).toBe(false);
    expect(containsText({ vitals: { pulse: 80 } }, { vitals: { pulse: null } })).toBe(true);
    expect(containsText({ vitals: { pulse: 80 } }, { vitals: { pulse: 90 } })).toBe(false);
    const item = { medicine: 'Paracetamol', dosePattern: '1-0-1' };
    expect(
      containsText({ prescription: [{ ...item, instructions: 'after food' }] }, { prescription: [item] }),
    ).toBe(true);
    expect(containsText({ prescription: [] }, { prescription: [item] })).toBe(false);
  });

  it('folds one visit’s refused saves into its newest, older ones newest first; others pass through', () => {
    const draft = (id: string, appointmentId: string) => ({
      id,
      name: 'consultations.saveDraft',
      input: { appointmentId, content: { chiefComplaint: id } },
      createdAt: id,
    });
    const other = { id: 'x', name: 'appointments.book', input: {}, createdAt: 'x' };
    const grouped = groupRefusedDrafts([
      draft('a1', 'A'),
      other,
      draft('b1', 'B'),
      draft('a2', 'A'),
      draft('a3', 'A'),
    ]);
    expect(grouped.map((e) => e.id)).toEqual(['x', 'b1', 'a3']);
    expect(grouped[2]!.earlierVersions!.map((v) => v.id)).toEqual(['a2', 'a1']);
    expect(grouped[1]!.earlierVersions).toBeUndefined();
  });
});
