import type { Script } from './fonts';

/** A stretch of text drawn with one font family. */
export interface Run {
  script: Script;
  text: string;
}

/** Devanagari, Devanagari Extended and Vedic Extensions. */
const DEVANAGARI_BLOCKS: readonly [number, number][] = [
  [0x0900, 0x097f],
  [0xa8e0, 0xa8ff],
  [0x1cd0, 0x1cff],
];
const isDevanagari = (char: string) => {
  const code = char.codePointAt(0)!;
  return DEVANAGARI_BLOCKS.some(([first, last]) => code >= first && code <= last);
};
/** Spaces, combining marks and joiners belong to the run they sit in. */
const INHERITS = /\s|\p{M}|\u200C|\u200D/u;

/**
 * Splits text into runs by script so that each run can be drawn with a font that has its glyphs
 * (pdf-lib has no fallback). Devanagari goes to the Devanagari family, everything else (Latin,
 * digits, punctuation, ₹) to Noto Sans; spaces and marks stay with their neighbours so a Hindi
 * name is one run and shapes as a whole.
 */
export function splitRuns(text: string): Run[] {
  const runs: Run[] = [];
  let leading = '';
  for (const char of text) {
    const last = runs[runs.length - 1];
    let script: Script;
    if (isDevanagari(char)) script = 'devanagari';
    else if (INHERITS.test(char)) {
      if (last) last.text += char;
      else leading += char;
      continue;
    } else script = 'latin';
    if (last?.script === script) last.text += char;
    else {
      runs.push({ script, text: leading + char });
      leading = '';
    }
  }
  if (leading) runs.push({ script: 'latin', text: leading });
  return runs;
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Cuts a word wider than the line into pieces that fit, never inside a grapheme cluster. */
function breakWord(word: string, maxWidth: number, measure: (text: string) => number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const { segment } of graphemes.segment(word)) {
    if (current && measure(current + segment) > maxWidth) {
      pieces.push(current);
      current = segment;
    } else current += segment;
  }
  if (current) pieces.push(current);
  return pieces;
}

/**
 * Wraps text into lines no wider than maxWidth: breaks at spaces, keeps explicit line breaks (an
 * empty line stays empty), and cuts words longer than a line at grapheme boundaries.
 */
export function wrapText(text: string, maxWidth: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  const paragraphs = text.normalize('NFC').replace(/\r\n?/g, '\n').split('\n');
  for (const paragraph of paragraphs) {
    const words = paragraph.split(/[ \t\u00A0]+/).filter((word) => word.length > 0);
    if (words.length === 0) {
      lines.push('');
      continue;
    }
    let current = '';
    for (const word of words) {
      const candidate = current ? `${current} ${word}` : word;
      if (measure(candidate) <= maxWidth) {
        current = candidate;
        continue;
      }
      if (current) lines.push(current);
      if (measure(word) <= maxWidth) {
        current = word;
        continue;
      }
      const pieces = breakWord(word, maxWidth, measure);
      current = pieces.pop() ?? '';
      lines.push(...pieces);
    }
    if (current) lines.push(current);
  }
  return lines;
}
