import { describe as suite, expect, it } from 'vitest';
import { clinicSettingsSchema } from '@shared/domain/settings.schema';
import { describe, HIDDEN_UNTIL_BUILT, SETTINGS_GROUPS, SETTINGS_PATHS } from './settings-groups';

suite('settings form groups', () => {
  it('reads each input kind from the settings schema', () => {
    expect(describe('clinicName')).toEqual({ kind: 'text', nullable: false });
    expect(describe('phone')).toEqual({ kind: 'text', nullable: true });
    expect(describe('bookingNeedsConfirmation')).toEqual({ kind: 'boolean', nullable: false });
    expect(describe('defaultBuffers.after')).toEqual({ kind: 'number', nullable: false });
    expect(describe('refundPolicy.patientLatePercentBasisPoints').kind).toBe('number');
    expect(describe('companionAppUrl')).toEqual({ kind: 'text', nullable: true });
    expect(describe('temperatureUnit')).toEqual({ kind: 'choice', nullable: false });
  });
  it('offers the temperature unit as a choice of °C or °F', () => {
    const unit = SETTINGS_GROUPS.flatMap((g) => g.fields).find((f) => f.path === 'temperatureUnit');
    expect(unit).toMatchObject({ kind: 'choice', choices: { C: '°C (Celsius)', F: '°F (Fahrenheit)' } });
  });
  it('gives the reminder rule its own input', () => {
    const reminder = SETTINGS_GROUPS.flatMap((g) => g.fields).find((f) => f.path === 'reminder');
    expect(reminder?.kind).toBe('reminder');
  });
  it('covers every top-level setting but those of features not built yet', () => {
    const top = new Set(SETTINGS_PATHS.map((p) => p.split('.')[0]));
    expect([...top, ...HIDDEN_UNTIL_BUILT].sort()).toEqual(Object.keys(clinicSettingsSchema.shape).sort());
    for (const hidden of HIDDEN_UNTIL_BUILT) expect(top.has(hidden)).toBe(false);
  });
  it('refuses a path the schema does not have', () => {
    expect(() => describe('nope')).toThrow(/no nope/);
  });
});
