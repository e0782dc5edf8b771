import { describe, expect, it } from 'vitest';
import { Formulary, shippedFormulary } from '@shared/formulary/formulary';
import { matchAllergies } from './allergy-match';

const rx = (...medicines: string[]) => medicines.map((medicine) => ({ medicine }));
const warned = (formulary: Formulary, medicines: string[], allergies: string[]) =>
  matchAllergies(formulary, rx(...medicines), allergies).map((m) => `${m.medicine} ← ${m.allergy}`);

describe('allergy matching through the formulary', () => {
  const f = shippedFormulary();

  it('warns on a brand of the generic the patient is allergic to', () => {
    expect(warned(f, ['Brufen 400', 'Combiflam', 'Ibugesic', 'Dolo 650'], ['Ibuprofen'])).toEqual([
      'Brufen 400 ← Ibuprofen',
      'Combiflam ← Ibuprofen',
      'Ibugesic ← Ibuprofen',
    ]);
    const [first] = matchAllergies(f, rx('Brufen'), ['ibuprofen']);
    expect(first?.reason).toBe('Brufen contains ibuprofen');
  });

  it('warns on every member of a class the allergy names, and of its narrower classes', () => {
    expect(warned(f, ['Voveran', 'Zerodol-P', 'Meftal-Spas', 'Crocin'], ['NSAIDs'])).toEqual([
      'Voveran ← NSAIDs',
      'Zerodol-P ← NSAIDs',
      'Meftal-Spas ← NSAIDs',
    ]);
    expect(warned(f, ['Augmentin 625', 'Mox', 'Azithral', 'Taxim-O'], ['Penicillin'])).toEqual([
      'Augmentin 625 ← Penicillin',
      'Mox ← Penicillin',
    ]);
    expect(warned(f, ['Augmentin', 'Taxim-O', 'Azee'], ['beta-lactam antibiotics'])).toEqual([
      'Augmentin ← beta-lactam antibiotics',
      'Taxim-O ← beta-lactam antibiotics',
    ]);
    expect(warned(f, ['Septran DS', 'Saaz', 'Ciplox'], ['Sulfa drugs'])).toEqual([
      'Septran DS ← Sulfa drugs',
      'Saaz ← Sulfa drugs',
    ]);
    expect(warned(f, ['Ciplox 500', 'Levoflox', 'O2', 'Azithral'], ['quinolones'])).toEqual([
      'Ciplox 500 ← quinolones',
      'Levoflox ← quinolones',
      'O2 ← quinolones',
    ]);
    expect(warned(f, ['Ultracet', 'Crocin'], ['opioids'])).toEqual(['Ultracet ← opioids']);
    const [reason] = matchAllergies(f, rx('Voveran 50'), ['NSAID']);
    expect(reason?.reason).toBe('Diclofenac is one of the NSAIDs');
  });

  it('an aspirin allergy rules out the NSAID class, not paracetamol', () => {
    expect(warned(f, ['Diclofenac', 'Brufen', 'Ecosprin 75', 'Calpol'], ['Aspirin'])).toEqual([
      'Diclofenac ← Aspirin',
      'Brufen ← Aspirin',
      'Ecosprin 75 ← Aspirin',
    ]);
  });

  it('an allergy recorded as a brand warns on its generics under other brands', () => {
    expect(warned(f, ['Novamox 500', 'Azee'], ['Augmentin'])).toEqual(['Novamox 500 ← Augmentin']);
  });

  it('keeps the name-only match for medicines the formulary does not know', () => {
    expect(
      warned(f, ['Penicillin V', 'AMOXICILLIN 500', 'Amoxicillinate', 'Paracetamol'], ['amoxicillin']),
    ).toEqual(['AMOXICILLIN 500 ← amoxicillin']);
    expect(warned(f, ['Xyloquine syrup'], ['Xyloquine'])).toEqual(['Xyloquine syrup ← Xyloquine']);
    expect(f.knows('Xyloquine syrup')).toBe(false);
    expect(f.knows('Brufen 400 mg')).toBe(true);
  });

  it('does not warn across unrelated classes', () => {
    expect(warned(f, ['Azithral', 'Pan 40', 'Crocin', 'Cetzine'], ['Penicillin', 'NSAIDs', 'Sulfa'])).toEqual(
      [],
    );
  });

  it('uses the clinic’s own entries: a new brand of a known generic, a new class', () => {
    const clinic = new Formulary([
      { generic: 'Ibuprofen', brands: ['Ibuzone'], classes: [] },
      { generic: 'Zaltoprofen', brands: ['Zaltokin'], classes: ['NSAIDs'] },
      { generic: 'Ezetimibe + Atorvastatin', brands: ['Ezedoc-A'], classes: [] },
      { generic: 'Fictomab', brands: ['Fictora'], classes: ['Monoclonal antibodies'] },
    ]);
    expect(warned(clinic, ['Ibuzone', 'Zaltokin', 'Ezedoc-A', 'Fictora'], ['Ibuprofen'])).toEqual([
      'Ibuzone ← Ibuprofen',
    ]);
    expect(warned(clinic, ['Zaltokin'], ['NSAIDs'])).toEqual(['Zaltokin ← NSAIDs']);
    // Its atorvastatin is a shipped statin.
    expect(warned(clinic, ['Ezedoc-A'], ['Statins'])).toEqual(['Ezedoc-A ← Statins']);
    expect(warned(clinic, ['Ezedoc-A'], ['Atorvastatin'])).toEqual(['Ezedoc-A ← Atorvastatin']);
    expect(warned(clinic, ['Fictora'], ['monoclonal antibodies'])).toEqual([
      'Fictora ← monoclonal antibodies',
    ]);
    expect(shippedFormulary().knows('Ibuzone')).toBe(false);
  });
});

describe('formulary type-ahead', () => {
  const f = shippedFormulary();

  it('finds brands and generics by the start of their name, with what they contain', () => {
    const found = f.search('Bruf');
    expect(found[0]).toMatchObject({
      name: 'Brufen',
      kind: 'brand',
      generics: ['Ibuprofen'],
      classes: ['NSAIDs'],
    });
    expect(f.search('amox').map((n) => n.name)).toContain('Amoxicillin');
    expect(f.search('combif')[0]).toMatchObject({
      name: 'Combiflam',
      generics: ['Ibuprofen', 'Paracetamol'],
    });
    expect(f.search('')).toEqual([]);
  });

  it('every shipped brand and combination names generics the formulary knows', () => {
    for (const name of f.allNames()) {
      expect(name.generics.length, name.name).toBeGreaterThan(0);
      for (const generic of name.generics)
        expect(f.exact(generic)?.kind, `${name.name}: ${generic}`).toBe('generic');
    }
  });
});
