/**
 * The writing systems documents print (docs/product.md §12: "text in any script the clinic uses"): Latin
 * (with digits, punctuation and ₹) and the scripts of India's official languages that are
 * written left to right, each with the Noto Sans family that has its glyphs and the Unicode
 * blocks that belong to it. Everything outside these blocks is drawn with Noto Sans.
 */
export const SCRIPTS = {
  latin: { family: 'NotoSans', blocks: [] },
  devanagari: {
    family: 'NotoSansDevanagari',
    blocks: [
      [0x0900, 0x097f],
      [0xa8e0, 0xa8ff],
      [0x1cd0, 0x1cff],
    ],
  },
  bengali: { family: 'NotoSansBengali', blocks: [[0x0980, 0x09ff]] },
  gurmukhi: { family: 'NotoSansGurmukhi', blocks: [[0x0a00, 0x0a7f]] },
  gujarati: { family: 'NotoSansGujarati', blocks: [[0x0a80, 0x0aff]] },
  oriya: { family: 'NotoSansOriya', blocks: [[0x0b00, 0x0b7f]] },
  tamil: {
    family: 'NotoSansTamil',
    blocks: [
      [0x0b80, 0x0bff],
      [0x11fc0, 0x11fff],
    ],
  },
  telugu: { family: 'NotoSansTelugu', blocks: [[0x0c00, 0x0c7f]] },
  kannada: { family: 'NotoSansKannada', blocks: [[0x0c80, 0x0cff]] },
  malayalam: { family: 'NotoSansMalayalam', blocks: [[0x0d00, 0x0d7f]] },
} as const satisfies Record<string, { family: string; blocks: readonly (readonly [number, number])[] }>;

export type Script = keyof typeof SCRIPTS;

const BLOCKS: readonly { script: Script; first: number; last: number }[] = (
  Object.entries(SCRIPTS) as [Script, (typeof SCRIPTS)[Script]][]
).flatMap(([script, { blocks }]) => blocks.map(([first, last]) => ({ script, first, last })));

/** The script whose font draws this character (Latin for anything not in another script's blocks). */
export function scriptOf(char: string): Script {
  const code = char.codePointAt(0)!;
  // Everything below U+0900 (Latin, digits, punctuation, combining marks) is Noto Sans's.
  if (code < 0x0900) return 'latin';
  return BLOCKS.find((block) => code >= block.first && code <= block.last)?.script ?? 'latin';
}

/** The scripts other than Latin that occur anywhere in `text`. */
export function scriptsIn(text: string): Set<Script> {
  const found = new Set<Script>();
  for (const char of text) {
    if (char.codePointAt(0)! < 0x0900) continue;
    const script = scriptOf(char);
    if (script !== 'latin') found.add(script);
  }
  return found;
}
