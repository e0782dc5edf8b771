import { describe, expect, it } from 'vitest';
import { matches, parseCombo } from './keys';

const key = (init: Partial<KeyboardEvent>) =>
  ({
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    key: '',
    code: '',
    ...init,
  }) as KeyboardEvent;

describe('keyboard shortcuts', () => {
  it('parses combos', () => {
    expect(parseCombo('mod+k')).toEqual({ key: 'k', mod: true, alt: false, shift: false });
    expect(parseCombo('?')).toEqual({ key: '?', mod: false, alt: false, shift: false });
  });

  it('matches letters by physical key, so Alt+N works whatever character the layout makes', () => {
    expect(matches(key({ altKey: true, code: 'KeyN', key: '˜' }), 'alt+n')).toBe(true);
    expect(matches(key({ ctrlKey: true, code: 'KeyK', key: 'k' }), 'mod+k')).toBe(true);
    expect(matches(key({ metaKey: true, code: 'KeyK', key: 'k' }), 'mod+k')).toBe(true);
    expect(matches(key({ code: 'KeyK', key: 'k' }), 'mod+k')).toBe(false);
    expect(matches(key({ ctrlKey: true, altKey: true, code: 'KeyN' }), 'alt+n')).toBe(false);
  });

  it('matches punctuation by the character typed', () => {
    expect(matches(key({ shiftKey: true, key: '?', code: 'Slash' }), '?')).toBe(true);
    expect(matches(key({ key: '/', code: 'Slash' }), '/')).toBe(true);
    expect(matches(key({ ctrlKey: true, key: '/', code: 'Slash' }), '/')).toBe(false);
  });
});
