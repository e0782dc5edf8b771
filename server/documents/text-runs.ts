import { type Script, scriptOf } from './scripts';

/** A stretch of text drawn with one font family. */
export interface Run {
  script: Script;
  text: string;
}

/** Spaces, combining marks and joiners belong to the run they sit in. */
const INHERITS = /\s|\p{M}|\u200C|\u200D/u;
/** The danda and double danda end sentences in several Indic scripts; every Indic Noto font has them. */
const DANDAS = /[\u0964\u0965]/u;

/**
 * Splits text into runs by script so that each run can be drawn with a font that has its glyphs
 * (pdf-lib has no fallback). Each Indic script goes to its own Noto family, everything else
 * (Latin, digits, punctuation, ₹) to Noto Sans; spaces, marks and dandas stay with their
 * neighbours so that a Hindi or Kannada name is one run and shapes as a whole.
 */
export function splitRuns(text: string): Run[] {
  const runs: Run[] = [];
  let leading = '';
  for (const char of text) {
    const last = runs[runs.length - 1];
    const script = scriptOf(char);
    const inherits =
      (script === 'latin' && INHERITS.test(char)) ||
      (DANDAS.test(char) && last !== undefined && last.script !== 'latin');
    if (inherits) {
      if (last) last.text += char;
      else leading += char;
      continue;
    }
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
