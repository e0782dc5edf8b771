import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

/**
 * @pdf-lib/fontkit (1.1.1, pinned) with two known defects worked around, and parsed fonts cached.
 *
 * 1. Its Indic shaper (Devanagari conjuncts, reph, matras) iterates with a Babel-compiled generator
 *    that expects a global `regeneratorRuntime` it never ships (pdf-lib issues #785, #1419). The
 *    one generator it compiles is a plain state machine, so `mark`/`wrap` below are all it needs;
 *    a real regenerator runtime, when one is loaded, is left alone.
 * 2. Its TrueType subsetter writes glyph records back to back and then picks the short `loca`
 *    format (offsets divided by two) for small subsets. Fonts whose glyph records have odd
 *    lengths — Noto Sans is one — come out with shifted, garbled glyphs. Subsets are written with
 *    long offsets instead, which need no alignment (it is the format the source font uses).
 * 3. Its mark positioning dereferences NULL anchors, which the OpenType spec allows ("no anchor
 *    for this mark class"); Noto Sans Gurmukhi has them, so shaping most Punjabi words threw
 *    (fontkit issue #367). A NULL anchor now leaves the mark where it is, as HarfBuzz does.
 */

interface GeneratorState {
  prev: number | string;
  next: number | string;
  done: boolean;
  stop(): undefined;
}
type GeneratorBody = (state: GeneratorState) => unknown;

const generatorRuntime = {
  mark: <F>(fn: F): F => fn,
  wrap(body: GeneratorBody): IterableIterator<unknown> {
    const state: GeneratorState = {
      prev: 0,
      next: 0,
      done: false,
      stop() {
        this.done = true;
        return undefined;
      },
    };
    const iterator: IterableIterator<unknown> = {
      next() {
        if (state.done) return { value: undefined, done: true };
        const value = body(state);
        return state.done ? { value: undefined, done: true } : { value, done: false };
      },
      [Symbol.iterator]: () => iterator,
    };
    return iterator;
  },
};

interface SubsetInternals {
  loca?: { version?: number };
  _addGlyph?: (this: SubsetInternals, glyphId: number) => number;
}

const patched = Symbol.for('clinic.fontkit.longLoca');
const anchorsPatched = Symbol.for('clinic.fontkit.nullAnchors');

type ApplyAnchor = (
  this: unknown,
  markRecord: { markAnchor?: unknown },
  baseAnchor: unknown,
  base: number,
) => void;
interface GposInternals {
  applyAnchor?: ApplyAnchor;
  [anchorsPatched]?: true;
}

function skipNullAnchors(sample: Uint8Array): void {
  const font = fontkit.create(sample) as unknown as {
    layout(text: string): unknown;
    _layoutEngine?: { engine?: { GPOSProcessor?: object } };
  };
  font.layout('a');
  const processor = font._layoutEngine?.engine?.GPOSProcessor;
  if (!processor) return;
  const prototype = Object.getPrototypeOf(processor) as GposInternals;
  const applyAnchor = prototype.applyAnchor;
  if (!applyAnchor || prototype[anchorsPatched]) return;
  prototype.applyAnchor = function (markRecord, baseAnchor, base) {
    if (!baseAnchor || !markRecord.markAnchor) return;
    applyAnchor.call(this, markRecord, baseAnchor, base);
  };
  prototype[anchorsPatched] = true;
}

function installFixes(sample: Uint8Array): void {
  const scope = globalThis as { regeneratorRuntime?: unknown };
  scope.regeneratorRuntime ??= generatorRuntime;

  skipNullAnchors(sample);
  const subset = fontkit.create(sample).createSubset() as unknown as SubsetInternals;
  const prototype = Object.getPrototypeOf(subset) as SubsetInternals & { [patched]?: true };
  const addGlyph = prototype._addGlyph;
  if (!addGlyph || prototype[patched]) return;
  prototype._addGlyph = function (this: SubsetInternals, glyphId: number) {
    if (this.loca && this.loca.version === undefined) this.loca.version = 1;
    return addGlyph.call(this, glyphId);
  };
  prototype[patched] = true;
}

let fixed = false;
const parsed = new WeakMap<Uint8Array, ReturnType<Fontkit['create']>>();

/**
 * The fontkit to register with pdf-lib. `sample` is any TrueType font (used once to reach the
 * subsetter). Parsing a font file takes longer than building a whole document, so each font's
 * bytes are parsed once; the parsed font holds no per-document state (subsets are per document).
 */
export function clinicFontkit(sample: Uint8Array): Fontkit {
  if (!fixed) {
    installFixes(sample);
    fixed = true;
  }
  return {
    create(bytes: Uint8Array, postscriptName?: string) {
      if (postscriptName !== undefined) return fontkit.create(bytes, postscriptName);
      let font = parsed.get(bytes);
      if (!font) {
        font = fontkit.create(bytes);
        parsed.set(bytes, font);
      }
      return font;
    },
  };
}
