import type { FormularyEntryDetails } from '@shared/domain/formulary.schema';
import { foldName } from '@shared/rules/patient-identity';
import { COMBINATIONS } from './combinations.data';
import { DRUG_CLASSES } from './drug-classes';
import { GENERICS } from './generics.data';

/** A name a doctor can pick: a generic, a brand of one generic, or a combination product. */
export interface FormularyName {
  name: string;
  kind: 'generic' | 'brand' | 'combination';
  /** The generics it contains (display names). */
  generics: string[];
  /** Its drug classes (display names). */
  classes: string[];
}

interface GenericInfo {
  name: string;
  classes: Set<string>;
  /** Classes an allergy to this generic also rules out. */
  covers: Set<string>;
}

/** What a typed medicine or allergy names: generics (folded keys) and classes (ids). */
export interface Resolved {
  generics: string[];
  classes: string[];
}

/** The longest phrase looked up when scanning typed text. */
const MAX_WORDS = 6;

/**
 * The shipped formulary plus the clinic's own entries, indexed by folded name. Built once per
 * set of clinic entries; lookups are by whole words, so "Brufen 400 mg" finds Brufen.
 */
export class Formulary {
  private readonly generics = new Map<string, GenericInfo>();
  private readonly names = new Map<string, { display: FormularyName; generics: string[] }>();
  private readonly classAliases = new Map<string, string>();
  private readonly classNames = new Map<string, string>();
  private readonly classParents = new Map<string, string>();

  constructor(clinicEntries: readonly FormularyEntryDetails[] = []) {
    for (const drugClass of DRUG_CLASSES) {
      this.classNames.set(drugClass.id, drugClass.name);
      if (drugClass.parent) this.classParents.set(drugClass.id, drugClass.parent);
      for (const alias of [drugClass.id, drugClass.name, ...drugClass.aliases]) {
        this.classAliases.set(foldName(alias), drugClass.id);
      }
    }
    for (const drug of GENERICS) {
      const key = this.addGeneric(drug.name, drug.classes);
      for (const covered of drug.allergyCovers ?? []) this.generics.get(key)!.covers.add(covered);
      for (const alias of drug.aliases ?? []) this.addName(alias, 'generic', [key]);
      for (const brand of drug.brands) this.addName(brand, 'brand', [key]);
    }
    for (const combination of COMBINATIONS) {
      this.addName(combination.brand, 'combination', combination.generics.map(foldName));
    }
    for (const entry of clinicEntries) this.addClinicEntry(entry);
  }

  /** Every pickable name, shipped and clinic-added. */
  allNames(): FormularyName[] {
    return [...this.names.values()].map((n) => n.display);
  }

  /** Names starting with what was typed (then names with a word starting so), brands and generics alike. */
  search(typed: string, limit = 12): FormularyName[] {
    const query = foldName(typed);
    if (!query) return [];
    const starts: FormularyName[] = [];
    const inside: FormularyName[] = [];
    for (const [key, { display }] of this.names) {
      if (key.startsWith(query)) starts.push(display);
      else if (key.includes(` ${query}`)) inside.push(display);
    }
    const byName = (a: FormularyName, b: FormularyName) => a.name.localeCompare(b.name);
    return [...starts.sort(byName), ...inside.sort(byName)].slice(0, limit).map((n) => this.describe(n));
  }

  /** The formulary's own entry for exactly this name, if any. */
  exact(typed: string): FormularyName | null {
    const found = this.names.get(foldName(typed));
    return found ? this.describe(found.display) : null;
  }

  /** The generics a typed medicine contains, found as whole-word names ("Combiflam 400" → ibuprofen, paracetamol). */
  resolveMedicine(typed: string): Resolved {
    const generics = new Set<string>();
    this.scan(typed, (phrase) => {
      const found = this.names.get(phrase);
      if (!found) return false;
      for (const key of found.generics) generics.add(key);
      return true;
    });
    return { generics: [...generics], classes: this.classesOf([...generics]) };
  }

  /** What a recorded allergy names: classes ("NSAIDs", "sulfa"), generics or brands (their generics). */
  resolveAllergy(typed: string): Resolved {
    const generics = new Set<string>();
    const classes = new Set<string>();
    this.scan(typed, (phrase) => {
      const drugClass = this.classAliases.get(phrase);
      if (drugClass) classes.add(drugClass);
      const found = this.names.get(phrase);
      for (const key of found?.generics ?? []) {
        generics.add(key);
        for (const covered of this.generics.get(key)?.covers ?? []) classes.add(covered);
      }
      return Boolean(drugClass ?? found);
    });
    return { generics: [...generics], classes: [...classes] };
  }

  /** Whether a typed medicine is known to the formulary (else its allergy check is by name only). */
  knows(typed: string): boolean {
    return this.resolveMedicine(typed).generics.length > 0;
  }

  genericName(key: string): string {
    return this.generics.get(key)?.name ?? key;
  }

  className(id: string): string {
    return this.classNames.get(id) ?? id;
  }

  /** The classes of these generics, with every wider class they belong to (penicillins → beta-lactams). */
  classesOf(genericKeys: readonly string[]): string[] {
    const classes = new Set<string>();
    for (const key of genericKeys) {
      for (const id of this.generics.get(key)?.classes ?? []) {
        for (
          let c: string | undefined = id, depth = 0;
          c && depth < 5;
          c = this.classParents.get(c), depth++
        ) {
          classes.add(c);
        }
      }
    }
    return [...classes];
  }

  /** Own classes of one generic (not the wider ones), for showing. */
  directClassesOf(key: string): string[] {
    return [...(this.generics.get(key)?.classes ?? [])];
  }

  private describe(name: FormularyName): FormularyName {
    const keys = name.generics.map(foldName);
    return { ...name, classes: this.classesOf(keys).map((id) => this.className(id)) };
  }

  private addGeneric(name: string, classes: Iterable<string>): string {
    const key = foldName(name);
    const info = this.generics.get(key) ?? { name, classes: new Set<string>(), covers: new Set<string>() };
    for (const c of classes) info.classes.add(c);
    this.generics.set(key, info);
    this.addName(name, 'generic', [key]);
    return key;
  }

  private addName(name: string, kind: FormularyName['kind'], genericKeys: string[]) {
    const key = foldName(name);
    if (!key) return;
    const existing = this.names.get(key);
    const generics = [...new Set([...(existing?.generics ?? []), ...genericKeys])];
    this.names.set(key, {
      generics,
      display: {
        name: existing?.display.name ?? name,
        kind: existing?.display.kind ?? kind,
        generics: generics.map((g) => this.genericName(g)),
        classes: [],
      },
    });
  }

  /** A clinic entry: "A + B" is a combination of A and B; unknown class names become new classes. */
  private addClinicEntry(entry: FormularyEntryDetails) {
    const classIds = entry.classes.map((name) => {
      const folded = foldName(name);
      const known = this.classAliases.get(folded);
      if (known) return known;
      const id = `clinic:${folded}`;
      this.classAliases.set(folded, id);
      this.classNames.set(id, name.trim());
      return id;
    });
    const parts = entry.generic
      .split('+')
      .map((p) => p.trim())
      .filter(Boolean);
    if (parts.length > 1) {
      const keys = parts.map((part) => this.addGeneric(part, classIds));
      this.addName(entry.generic, 'combination', keys);
      for (const brand of entry.brands) this.addName(brand, 'combination', keys);
    } else {
      const key = this.addGeneric(entry.generic, classIds);
      for (const brand of entry.brands) this.addName(brand, 'brand', [key]);
    }
  }

  /** Calls `visit` with each phrase of the folded text, longest first; a match skips its words. */
  private scan(typed: string, visit: (phrase: string) => boolean) {
    const words = foldName(typed).split(' ').filter(Boolean);
    for (let i = 0; i < words.length;) {
      let step = 1;
      for (let n = Math.min(MAX_WORDS, words.length - i); n >= 1; n--) {
        if (visit(words.slice(i, i + n).join(' '))) {
          step = n;
          break;
        }
      }
      i += step;
    }
  }
}

/** The shipped formulary without clinic entries (shared, built once). */
let shipped: Formulary | null = null;
export function shippedFormulary(): Formulary {
  return (shipped ??= new Formulary());
}
