/** A key combination such as "mod+k", "alt+n", "/" or "?" ("mod" is Ctrl, or ⌘ on a Mac). */
export type KeyCombo = string;

interface ParsedCombo {
  key: string;
  mod: boolean;
  alt: boolean;
  shift: boolean;
}

export function parseCombo(combo: KeyCombo): ParsedCombo {
  const parts = combo.toLowerCase().split('+');
  const key = parts.pop() ?? '';
  return { key, mod: parts.includes('mod'), alt: parts.includes('alt'), shift: parts.includes('shift') };
}

/** Whether a keydown matches a combo. Letters match by physical key, so Alt+N works on every layout. */
export function matches(event: KeyboardEvent, combo: KeyCombo): boolean {
  const c = parseCombo(combo);
  const mod = event.ctrlKey || event.metaKey;
  if (mod !== c.mod || event.altKey !== c.alt) return false;
  if (/^[a-z]$/.test(c.key)) return event.code === `Key${c.key.toUpperCase()}` && event.shiftKey === c.shift;
  if (/^[0-9]$/.test(c.key)) return event.code === `Digit${c.key}` && event.shiftKey === c.shift;
  // Punctuation such as "?" or "/" is matched by the character typed (shift is part of it).
  return event.key.toLowerCase() === c.key;
}

/** Whether the event comes from a place where typing must not trigger single-key shortcuts. */
export function isTyping(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** How to show a combo to people: "Ctrl + K", "Alt + N", "/". */
export function describeCombo(combo: KeyCombo): string[] {
  const c = parseCombo(combo);
  const keys: string[] = [];
  if (c.mod) keys.push(isMac ? '⌘' : 'Ctrl');
  if (c.alt) keys.push(isMac ? '⌥' : 'Alt');
  if (c.shift) keys.push('Shift');
  keys.push(c.key.length === 1 ? c.key.toUpperCase() : c.key);
  return keys;
}
