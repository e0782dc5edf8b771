import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { failure } from '@shared/contract/errors';
import { clinicFontkit } from './fontkit-compat';
import { SCRIPTS, type Script } from './scripts';

/**
 * The embedded Unicode fonts (docs/product.md §12): Noto Sans for Latin text, digits and the rupee sign, and
 * one Noto Sans family per Indic script (scripts.ts). pdf-lib has no font fallback, so text is
 * split into runs by script (text-runs.ts) and each run drawn with the family that has its
 * glyphs. Files are resolved through Node's module resolution from this module, so they are found
 * wherever the packages are installed (also inside a packaged app).
 */
const WEIGHTS = { regular: '400Regular', bold: '700Bold' } as const;
type Weight = keyof typeof WEIGHTS;

export type { Script };
export interface FontFamily {
  regular: PDFFont;
  bold: PDFFont;
}
/** Latin always; the other scripts the document's content uses. */
export type FontSet = { latin: FontFamily } & Partial<Record<Script, FontFamily>>;

type FamilyBytes = Record<Weight, Uint8Array>;

const resolveModule = createRequire(import.meta.url).resolve;
const loading = new Map<Script, Promise<FamilyBytes>>();

/** `@expo-google-fonts/noto-sans-kannada/400Regular/NotoSansKannada_400Regular.ttf` and the like. */
export function fontModule(script: Script, weight: Weight): string {
  const family = SCRIPTS[script].family;
  const name = family.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
  return `@expo-google-fonts/${name}/${WEIGHTS[weight]}/${family}_${WEIGHTS[weight]}.ttf`;
}

async function readWeight(script: Script, weight: Weight): Promise<Uint8Array> {
  const module = fontModule(script, weight);
  let file: string;
  try {
    file = resolveModule(module);
  } catch {
    throw failure(
      'INTERNAL',
      `The document font ${module.split('/')[1]} is not installed with the hub; ` +
        'documents cannot be made until the app is reinstalled.',
    );
  }
  return readFile(file);
}

/** A family's font files, read once per process. */
export function familyBytes(script: Script): Promise<FamilyBytes> {
  let family = loading.get(script);
  if (!family) {
    family = Promise.all([readWeight(script, 'regular'), readWeight(script, 'bold')]).then(
      ([regular, bold]) => ({ regular, bold }),
    );
    family.catch(() => loading.delete(script));
    loading.set(script, family);
  }
  return family;
}

/**
 * Embeds Noto Sans and the families of `scripts` (subset: only the glyphs a document uses are
 * written), so a document carries only the fonts its text needs.
 */
export async function embedFonts(doc: PDFDocument, scripts: Iterable<Script> = []): Promise<FontSet> {
  const latinBytes = await familyBytes('latin');
  doc.registerFontkit(clinicFontkit(latinBytes.regular));
  const embedFamily = async (script: Script): Promise<[Script, FontFamily]> => {
    const bytes = script === 'latin' ? latinBytes : await familyBytes(script);
    const [regular, bold] = await Promise.all([
      doc.embedFont(bytes.regular, { subset: true }),
      doc.embedFont(bytes.bold, { subset: true }),
    ]);
    return [script, { regular, bold }];
  };
  const families = await Promise.all([...new Set<Script>(['latin', ...scripts])].map(embedFamily));
  return Object.fromEntries(families) as FontSet;
}
