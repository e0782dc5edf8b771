/**
 * Drug classes an allergy may name (docs/product.md §8). `parent`: a wider class the drug also belongs to
 * (an allergy to beta-lactams covers penicillins and cephalosporins). `aliases`: other ways a
 * recorded allergy names the class ("sulfa", "penicillin", "NSAID").
 */
export interface DrugClass {
  id: string;
  name: string;
  aliases: readonly string[];
  parent?: string;
}

export const DRUG_CLASSES: readonly DrugClass[] = [
  {
    id: 'nsaids',
    name: 'NSAIDs',
    aliases: [
      'NSAID',
      'non-steroidal anti-inflammatory drugs',
      'non steroidal anti inflammatory',
      'NSAIDS class',
    ],
  },
  {
    id: 'beta-lactams',
    name: 'Beta-lactams',
    aliases: ['beta lactam', 'beta-lactam antibiotics', 'β-lactams'],
  },
  {
    id: 'penicillins',
    name: 'Penicillins',
    aliases: ['penicillin', 'penicillin group'],
    parent: 'beta-lactams',
  },
  { id: 'cephalosporins', name: 'Cephalosporins', aliases: ['cephalosporin'], parent: 'beta-lactams' },
  { id: 'carbapenems', name: 'Carbapenems', aliases: ['carbapenem'], parent: 'beta-lactams' },
  {
    id: 'sulfonamides',
    name: 'Sulfonamide antibiotics',
    aliases: [
      'sulfa',
      'sulpha',
      'sulfa drugs',
      'sulpha drugs',
      'sulfonamide',
      'sulfonamides',
      'sulphonamide',
      'sulphonamides',
    ],
  },
  { id: 'macrolides', name: 'Macrolides', aliases: ['macrolide'] },
  {
    id: 'fluoroquinolones',
    name: 'Fluoroquinolones',
    aliases: ['fluoroquinolone', 'quinolone', 'quinolones'],
  },
  { id: 'tetracyclines', name: 'Tetracyclines', aliases: ['tetracycline group'] },
  { id: 'aminoglycosides', name: 'Aminoglycosides', aliases: ['aminoglycoside'] },
  { id: 'nitroimidazoles', name: 'Nitroimidazoles', aliases: ['nitroimidazole'] },
  { id: 'lincosamides', name: 'Lincosamides', aliases: ['lincosamide'] },
  { id: 'opioids', name: 'Opioids', aliases: ['opioid', 'opiate', 'opiates', 'narcotics'] },
  { id: 'benzodiazepines', name: 'Benzodiazepines', aliases: ['benzodiazepine', 'benzos'] },
  { id: 'statins', name: 'Statins', aliases: ['statin', 'HMG-CoA reductase inhibitors'] },
  { id: 'ace-inhibitors', name: 'ACE inhibitors', aliases: ['ACE inhibitor', 'ACEI'] },
  { id: 'arbs', name: 'Angiotensin receptor blockers', aliases: ['ARB', 'ARBs', 'sartans'] },
  { id: 'beta-blockers', name: 'Beta blockers', aliases: ['beta blocker', 'beta-blocker', 'beta-blockers'] },
  { id: 'ppis', name: 'Proton pump inhibitors', aliases: ['PPI', 'PPIs', 'proton pump inhibitor'] },
  {
    id: 'sulfonylureas',
    name: 'Sulfonylureas',
    aliases: ['sulfonylurea', 'sulphonylurea', 'sulphonylureas'],
  },
  {
    id: 'aromatic-anticonvulsants',
    name: 'Aromatic anticonvulsants',
    aliases: ['aromatic antiepileptics', 'aromatic anticonvulsant'],
  },
  {
    id: 'amide-local-anaesthetics',
    name: 'Amide local anaesthetics',
    aliases: ['local anaesthetic', 'local anaesthetics', 'local anesthetic', 'local anesthetics'],
  },
  { id: 'antihistamines', name: 'Antihistamines (H1)', aliases: ['antihistamine', 'H1 antihistamines'] },
  { id: 'corticosteroids', name: 'Corticosteroids', aliases: ['corticosteroid', 'steroids', 'steroid'] },
  { id: 'azole-antifungals', name: 'Azole antifungals', aliases: ['azole', 'azoles', 'azole antifungal'] },
  {
    id: 'iodinated-contrast',
    name: 'Iodinated contrast',
    aliases: ['contrast', 'contrast dye', 'iodine contrast'],
  },
];
