import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { familyBytes } from './fonts';
import type { Script } from './scripts';
import { clinicFontkit } from './fontkit-compat';

type ParsedFont = ReturnType<typeof fontkit.create>;

function encodeSubset(font: ParsedFont, text: string): Promise<{ bytes: Uint8Array; ids: number[] }> {
  const subset = font.createSubset();
  const glyphs = font.layout(text).glyphs;
  const ids = glyphs.map((glyph) => subset.includeGlyph(glyph));
  return new Promise((resolve) => {
    const parts: Uint8Array[] = [];
    subset
      .encodeStream()
      .on('data', (part) => parts.push(part))
      .on('end', () => resolve({ bytes: Buffer.concat(parts), ids }));
  });
}

describe('fontkit as the documents use it', () => {
  it('keeps every glyph outline intact when subsetting Noto Sans (odd-length glyph records)', async () => {
    const bytes = (await familyBytes('latin')).regular;
    const font = clinicFontkit(bytes).create(bytes);
    const text = 'Total ₹1,234.50 — Paracetamol 650 mg, 1-0-1 ℞';
    const { bytes: encoded, ids } = await encodeSubset(font, text);
    const reparsed = fontkit.create(encoded);
    const originals = font.layout(text).glyphs;
    expect(ids.length).toBe(originals.length);
    originals.forEach((glyph, index) => {
      expect(
        reparsed.getGlyph(ids[index]!).path.toSVG(),
        `glyph for ${String.fromCodePoint(...glyph.codePoints)}`,
      ).toBe(glyph.path.toSVG());
    });
  });

  it('shapes Devanagari (conjuncts, reph, vowel signs) instead of failing on the missing generator runtime', async () => {
    const bytes = (await familyBytes('devanagari')).regular;
    const font = clinicFontkit(bytes).create(bytes);
    const shaped = font.layout('शर्मा क्षत्रिय');
    // Fewer glyphs than characters: the reph and the conjuncts are single glyphs.
    expect(shaped.glyphs.length).toBeLessThan([...'शर्मा क्षत्रिय'].length);
    expect(shaped.glyphs.every((glyph) => glyph.id !== 0)).toBe(true);
  });

  it.each<[Script, string]>([
    ['bengali', 'ক্ষমা শর্মা'],
    ['gurmukhi', 'ਪ੍ਰੀਤ ਕ੍ਰਿਸ਼ਨ'],
    ['gujarati', 'ક્ષમા શર્મા'],
    ['oriya', 'କ୍ଷମା ଶର୍ମା'],
    ['tamil', 'க்ஷமா ஸ்ரீ'],
    ['telugu', 'క్షమ శర్మ'],
    ['kannada', 'ಕ್ಷಮಾ ಶರ್ಮಾ'],
    ['malayalam', 'ക്ഷമ ശർമ്മ'],
  ])('shapes %s conjuncts with its own font, every glyph found', async (script, text) => {
    const bytes = (await familyBytes(script)).regular;
    const font = clinicFontkit(bytes).create(bytes);
    const shaped = font.layout(text);
    expect(shaped.glyphs.length).toBeLessThan([...text].length);
    expect(shaped.glyphs.every((glyph) => glyph.id !== 0)).toBe(true);
  });

  it('parses each font file once and reuses it', async () => {
    const bytes = (await familyBytes('latin')).bold;
    const kit = clinicFontkit(bytes);
    expect(kit.create(bytes)).toBe(kit.create(bytes));
    expect(await familyBytes('kannada')).toBe(await familyBytes('kannada'));
  });
});
