/**
 * Case- and accent-insensitive form of a name: "José  Núñez" → "jose nunez". Only Latin-style
 * combining diacritics are dropped: vowel signs of Indic scripts are letters' parts, not accents.
 */
const COMBINING_DIACRITICS = /[\u0300-\u036f]/g;

export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(COMBINING_DIACRITICS, '')
    .toLocaleLowerCase('en')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a folded name, for "prefix of any word" search. */
export function nameWords(name: string): string[] {
  const folded = foldName(name);
  return folded ? folded.split(' ') : [];
}

/** Digits only, keeping the last 10 so +91 98450 12345 and 09845012345 compare equal. */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length > 10 ? digits.slice(-10) : digits;
}

export interface IdentityFields {
  fullName: string;
  phone: string | null;
  dateOfBirth: string | null;
}

export type DuplicateMatch = 'name+phone' | 'name+dateOfBirth';

/** docs/product.md §2: warn when name + phone or name + date of birth already exists. */
export function duplicateMatches(candidate: IdentityFields, existing: IdentityFields): DuplicateMatch[] {
  if (foldName(candidate.fullName) !== foldName(existing.fullName)) return [];
  const matches: DuplicateMatch[] = [];
  if (
    candidate.phone &&
    existing.phone &&
    normalizePhone(candidate.phone) === normalizePhone(existing.phone)
  ) {
    matches.push('name+phone');
  }
  if (candidate.dateOfBirth && candidate.dateOfBirth === existing.dateOfBirth)
    matches.push('name+dateOfBirth');
  return matches;
}

/**
 * Whole years of age on a date; null when the date of birth is unknown or in the future.
 * Someone born on 29 February turns a year older on 1 March in other years.
 */
export function ageOn(dateOfBirth: string | null, onDate: string): number | null {
  if (!dateOfBirth || onDate < dateOfBirth) return null;
  const [bornYear, bornMonth, bornDay] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [year, month, day] = onDate.split('-').map(Number) as [number, number, number];
  const hadBirthday = month > bornMonth || (month === bornMonth && day >= bornDay);
  return year - bornYear - (hadBirthday ? 0 : 1);
}

/** Initials for the waiting-room display, which never shows full names: "Asha Rao Kulkarni" → "A.K." */
export function displayInitials(fullName: string): string {
  const words = fullName
    .normalize('NFKD')
    .replace(COMBINING_DIACRITICS, '')
    .split(/\s+/)
    .filter((word) => /\p{L}/u.test(word));
  if (words.length === 0) return '?';
  const first = words[0]!.match(/\p{L}/u)![0].toLocaleUpperCase('en');
  if (words.length === 1) return `${first}.`;
  const last = words[words.length - 1]!.match(/\p{L}/u)![0].toLocaleUpperCase('en');
  return `${first}.${last}.`;
}

/** Code the hub assigns: PAT000001 … never reused. */
export function patientCode(sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError('patient sequence must be ≥ 1');
  return `PAT${String(sequence).padStart(6, '0')}`;
}

/** Code a desktop assigns offline: TMP-<4 chars of its client id>-<its own counter>. */
export function provisionalPatientCode(clientId: string, counter: number): string {
  const tag = clientId
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(-4)
    .toUpperCase()
    .padStart(4, '0');
  return `TMP-${tag}-${String(counter).padStart(4, '0')}`;
}

/** Classifies what a receptionist typed into the search box. */
export function classifySearch(text: string): { kind: 'code' | 'phone' | 'name'; value: string } {
  const trimmed = text.trim();
  if (/^(PAT\d+|TMP-[A-Z0-9]{4}-\d+(-\d+)?)$/i.test(trimmed))
    return { kind: 'code', value: trimmed.toUpperCase() };
  const digits = trimmed.replace(/[\s()+-]/g, '');
  if (/^\d{4,}$/.test(digits)) return { kind: 'phone', value: normalizePhone(digits) };
  return { kind: 'name', value: foldName(trimmed) };
}
