import { describe, expect, it } from 'vitest';
import { splitRuns, wrapText } from './text-runs';

/** One unit per grapheme: enough to test where lines break. */
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const length = (text: string) => [...graphemes.segment(text)].length;

describe('splitRuns', () => {
  it('gives Devanagari its own run, with the spaces between its words, and keeps ₹ and digits in Latin', () => {
    expect(splitRuns('Patient: सुनीता शर्मा (PAT000001) ₹500.00')).toEqual([
      { script: 'latin', text: 'Patient: ' },
      { script: 'devanagari', text: 'सुनीता शर्मा ' },
      { script: 'latin', text: '(PAT000001) ₹500.00' },
    ]);
  });

  it('gives each Indic script its own run, and keeps a danda with the script it ends', () => {
    expect(splitRuns('ರಮೇಶ್ ಗೌಡ / ரமேஷ் (PAT000002): ಊಟದ ನಂತರ। Done।')).toEqual([
      { script: 'kannada', text: 'ರಮೇಶ್ ಗೌಡ ' },
      { script: 'latin', text: '/ ' },
      { script: 'tamil', text: 'ரமேஷ் ' },
      { script: 'latin', text: '(PAT000002): ' },
      { script: 'kannada', text: 'ಊಟದ ನಂತರ। ' },
      { script: 'latin', text: 'Done' },
      { script: 'devanagari', text: '।' },
    ]);
    expect(splitRuns('শ্যামল দাস · ശ്യാമള · ਸਿੰਘ · ଓଡ଼ିଆ · తెలుగు · ગુજરાતી').map((r) => r.script)).toEqual([
      'bengali',
      'latin',
      'malayalam',
      'latin',
      'gurmukhi',
      'latin',
      'oriya',
      'latin',
      'telugu',
      'latin',
      'gujarati',
    ]);
  });

  it('keeps combining marks and joiners with the letter they follow', () => {
    const decomposed = 'Jose\u0301 क्\u200Dष';
    expect(splitRuns(decomposed)).toEqual([
      { script: 'latin', text: 'Jose\u0301 ' },
      { script: 'devanagari', text: 'क्\u200Dष' },
    ]);
  });

  it('puts leading spaces in the first run and handles empty or space-only text', () => {
    expect(splitRuns('  नमस्ते')).toEqual([{ script: 'devanagari', text: '  नमस्ते' }]);
    expect(splitRuns('')).toEqual([]);
    expect(splitRuns('   ')).toEqual([{ script: 'latin', text: '   ' }]);
  });
});

describe('wrapText', () => {
  it('breaks at spaces so that no line is wider than allowed', () => {
    expect(wrapText('take one tablet after food twice a day', 12, length)).toEqual([
      'take one',
      'tablet after',
      'food twice a',
      'day',
    ]);
  });

  it('keeps explicit line breaks and empty lines, and collapses runs of spaces', () => {
    expect(wrapText('Rest.\r\n\nDrink   water.\n', 40, length)).toEqual(['Rest.', '', 'Drink water.', '']);
  });

  it('cuts a word longer than a line between grapheme clusters, never inside one', () => {
    const lines = wrapText('क्षत्रियक्षत्रिय ok', 3, length);
    expect(lines.join('')).toBe('क्षत्रियक्षत्रियok');
    for (const line of lines) expect(length(line)).toBeLessThanOrEqual(3);
    expect(lines.at(-1)).toBe('ok');
  });

  it('normalizes to NFC so that decomposed and composed names measure alike', () => {
    expect(wrapText('Jose\u0301', 10, (text) => text.length)).toEqual(['José']);
  });
});
