/**
 * The shipped formulary: generic names with their classes and common Indian brand names, for a
 * general OPD. A brand here contains only that generic; combination products are in
 * `combinations.data.ts`. `allergyCovers`: classes an allergy to this drug also rules out
 * (aspirin: NSAID-exacerbated hypersensitivity is a class reaction).
 */
export interface GenericDrug {
  name: string;
  classes: readonly string[];
  brands: readonly string[];
  aliases?: readonly string[];
  allergyCovers?: readonly string[];
}

const g = (
  name: string,
  classes: readonly string[],
  brands: readonly string[] = [],
  extra: Pick<GenericDrug, 'aliases' | 'allergyCovers'> = {},
): GenericDrug => ({ name, classes, brands, ...extra });

export const GENERICS: readonly GenericDrug[] = [
  // Analgesics, antipyretics, NSAIDs
  g('Paracetamol', [], ['Crocin', 'Calpol', 'Dolo 650', 'Dolo', 'Pacimol', 'Metacin', 'P 500'], {
    aliases: ['acetaminophen'],
  }),
  g('Aspirin', ['nsaids'], ['Ecosprin', 'Disprin', 'Loprin'], {
    aliases: ['acetylsalicylic acid'],
    allergyCovers: ['nsaids'],
  }),
  g('Ibuprofen', ['nsaids'], ['Brufen', 'Ibugesic']),
  g('Diclofenac', ['nsaids'], ['Voveran', 'Dynapar', 'Voltaflam', 'Reactin']),
  g('Aceclofenac', ['nsaids'], ['Zerodol', 'Hifenac']),
  g('Naproxen', ['nsaids'], ['Naprosyn']),
  g('Mefenamic acid', ['nsaids'], ['Meftal', 'Ponstan']),
  g('Nimesulide', ['nsaids'], ['Nise', 'Nimulid']),
  g('Piroxicam', ['nsaids'], ['Dolonex']),
  g('Ketorolac', ['nsaids'], ['Ketorol']),
  g('Etoricoxib', ['nsaids'], ['Nucoxia', 'Etoshine']),
  g('Celecoxib', ['nsaids'], []),
  g('Indomethacin', ['nsaids'], []),
  g('Tramadol', ['opioids'], ['Contramal', 'Tramazac']),
  g('Tapentadol', ['opioids'], []),
  g('Codeine', ['opioids'], []),
  g('Morphine', ['opioids'], []),
  g('Fentanyl', ['opioids'], []),
  g('Pethidine', ['opioids'], [], { aliases: ['meperidine'] }),
  g('Oxycodone', ['opioids'], []),

  // Penicillins and other beta-lactams
  g('Amoxicillin', ['penicillins'], ['Mox', 'Novamox'], { aliases: ['amoxycillin'] }),
  g('Ampicillin', ['penicillins'], ['Roscillin']),
  g('Cloxacillin', ['penicillins'], []),
  g('Phenoxymethylpenicillin', ['penicillins'], [], { aliases: ['penicillin v'] }),
  g('Benzylpenicillin', ['penicillins'], [], { aliases: ['penicillin g'] }),
  g('Benzathine benzylpenicillin', ['penicillins'], ['Penidure LA'], { aliases: ['benzathine penicillin'] }),
  g('Piperacillin', ['penicillins'], []),
  g('Clavulanic acid', [], [], { aliases: ['clavulanate'] }),
  g('Tazobactam', [], []),
  g('Cefixime', ['cephalosporins'], ['Taxim-O', 'Zifi', 'Mahacef']),
  g('Cefuroxime', ['cephalosporins'], ['Ceftum']),
  g('Cefpodoxime', ['cephalosporins'], ['Cepodem']),
  g('Ceftriaxone', ['cephalosporins'], ['Monocef', 'Oframax']),
  g('Cefalexin', ['cephalosporins'], ['Sporidex', 'Phexin'], { aliases: ['cephalexin'] }),
  g('Cefadroxil', ['cephalosporins'], []),
  g('Cefotaxime', ['cephalosporins'], ['Taxim']),
  g('Meropenem', ['carbapenems'], []),

  // Other antibacterials
  g('Azithromycin', ['macrolides'], ['Azithral', 'Azee']),
  g('Clarithromycin', ['macrolides'], ['Claribid']),
  g('Erythromycin', ['macrolides'], ['Erythrocin', 'Althrocin']),
  g('Roxithromycin', ['macrolides'], ['Roxid']),
  g('Ciprofloxacin', ['fluoroquinolones'], ['Ciplox', 'Cifran']),
  g('Ofloxacin', ['fluoroquinolones'], ['Zenflox', 'Oflox']),
  g('Levofloxacin', ['fluoroquinolones'], ['Levoflox', 'Glevo', 'Tavanic']),
  g('Norfloxacin', ['fluoroquinolones'], ['Norflox']),
  g('Moxifloxacin', ['fluoroquinolones'], ['Moxicip']),
  g('Sulfamethoxazole', ['sulfonamides'], [], { aliases: ['sulphamethoxazole'] }),
  g('Trimethoprim', [], []),
  g('Sulfasalazine', ['sulfonamides'], ['Saaz'], { aliases: ['sulphasalazine'] }),
  g('Sulfadiazine', ['sulfonamides'], [], { aliases: ['sulphadiazine'] }),
  g('Silver sulfadiazine', ['sulfonamides'], ['Silverex'], { aliases: ['silver sulphadiazine'] }),
  g('Doxycycline', ['tetracyclines'], ['Doxy-1', 'Microdox']),
  g('Tetracycline', ['tetracyclines'], []),
  g('Minocycline', ['tetracyclines'], []),
  g('Gentamicin', ['aminoglycosides'], ['Genticyn']),
  g('Amikacin', ['aminoglycosides'], []),
  g('Metronidazole', ['nitroimidazoles'], ['Flagyl', 'Metrogyl']),
  g('Tinidazole', ['nitroimidazoles'], ['Tiniba']),
  g('Ornidazole', ['nitroimidazoles'], []),
  g('Clindamycin', ['lincosamides'], ['Dalacin C']),
  g('Nitrofurantoin', [], ['Niftran']),
  g('Linezolid', [], ['Lizolid']),

  // Antihistamines, respiratory
  g('Cetirizine', ['antihistamines'], ['Cetzine', 'Alerid', 'Okacet']),
  g('Levocetirizine', ['antihistamines'], ['Levocet', 'Xyzal']),
  g('Fexofenadine', ['antihistamines'], ['Allegra']),
  g('Loratadine', ['antihistamines'], ['Lorfast']),
  g('Chlorphenamine', ['antihistamines'], [], { aliases: ['chlorpheniramine'] }),
  g('Montelukast', [], ['Montair', 'Montek']),
  g('Salbutamol', [], ['Asthalin'], { aliases: ['albuterol'] }),
  g('Levosalbutamol', [], ['Levolin']),
  g('Budesonide', ['corticosteroids'], ['Budecort']),
  g('Formoterol', [], []),
  g('Ambroxol', [], ['Ambrodil', 'Mucolite']),
  g('Terbutaline', [], []),
  g('Bromhexine', [], []),
  g('Guaifenesin', [], []),
  g('Dextromethorphan', [], []),

  // Corticosteroids
  g('Prednisolone', ['corticosteroids'], ['Wysolone', 'Omnacortil']),
  g('Dexamethasone', ['corticosteroids'], ['Dexona']),
  g('Methylprednisolone', ['corticosteroids'], ['Medrol']),
  g('Hydrocortisone', ['corticosteroids'], []),

  // Gastrointestinal
  g('Pantoprazole', ['ppis'], ['Pan', 'Pantocid']),
  g('Omeprazole', ['ppis'], ['Omez', 'Ocid']),
  g('Rabeprazole', ['ppis'], ['Razo', 'Rablet']),
  g('Esomeprazole', ['ppis'], ['Nexpro', 'Sompraz']),
  g('Ranitidine', [], ['Rantac', 'Aciloc']),
  g('Famotidine', [], ['Famocid']),
  g('Domperidone', [], ['Domstal']),
  g('Ondansetron', [], ['Emeset', 'Ondem', 'Vomikind']),
  g('Dicyclomine', [], [], { aliases: ['dicycloverine'] }),
  g('Drotaverine', [], ['Drotin']),
  g('Loperamide', [], ['Eldoper', 'Imodium']),
  g('Racecadotril', [], ['Redotil']),
  g('Lactulose', [], ['Duphalac']),
  g('Bisacodyl', [], ['Dulcolax']),
  g('Oral rehydration salts', [], ['Electral'], { aliases: ['ORS'] }),

  // Diabetes, thyroid
  g('Metformin', [], ['Glycomet', 'Glyciphage']),
  g('Glimepiride', ['sulfonylureas'], ['Amaryl']),
  g('Gliclazide', ['sulfonylureas'], []),
  g('Glibenclamide', ['sulfonylureas'], [], { aliases: ['glyburide'] }),
  g('Sitagliptin', [], ['Januvia', 'Istavel']),
  g('Vildagliptin', [], ['Galvus']),
  g('Levothyroxine', [], ['Thyronorm', 'Eltroxin', 'Thyrox'], { aliases: ['thyroxine'] }),

  // Cardiovascular
  g('Amlodipine', [], ['Amlong', 'Amlopress', 'Stamlo']),
  g('Telmisartan', ['arbs'], ['Telma']),
  g('Losartan', ['arbs'], ['Losar', 'Repace', 'Losacar']),
  g('Olmesartan', ['arbs'], []),
  g('Enalapril', ['ace-inhibitors'], []),
  g('Ramipril', ['ace-inhibitors'], ['Cardace']),
  g('Atenolol', ['beta-blockers'], ['Aten', 'Tenormin']),
  g('Metoprolol', ['beta-blockers'], ['Metolar']),
  g('Propranolol', ['beta-blockers'], ['Ciplar']),
  g('Atorvastatin', ['statins'], ['Atorva', 'Storvas', 'Lipitor']),
  g('Rosuvastatin', ['statins'], ['Rosuvas', 'Rozavel']),
  g('Clopidogrel', [], ['Clopilet', 'Plavix']),
  g('Hydrochlorothiazide', [], ['Aquazide']),
  g('Furosemide', [], ['Lasix'], { aliases: ['frusemide'] }),
  g('Spironolactone', [], ['Aldactone']),

  // Anti-infectives: fungal, viral, parasitic
  g('Fluconazole', ['azole-antifungals'], ['Forcan', 'Zocon']),
  g('Itraconazole', ['azole-antifungals'], ['Canditral']),
  g('Clotrimazole', ['azole-antifungals'], ['Candid']),
  g('Terbinafine', [], []),
  g('Aciclovir', [], ['Zovirax', 'Acivir'], { aliases: ['acyclovir'] }),
  g('Valaciclovir', [], ['Valcivir'], { aliases: ['valacyclovir'] }),
  g('Oseltamivir', [], ['Fluvir', 'Antiflu']),
  g('Albendazole', [], ['Zentel', 'Bandy']),
  g('Ivermectin', [], []),
  g('Chloroquine', [], ['Lariago']),
  g('Hydroxychloroquine', [], ['HCQS']),

  // Nervous system
  g('Alprazolam', ['benzodiazepines'], ['Alprax']),
  g('Clonazepam', ['benzodiazepines'], ['Rivotril']),
  g('Lorazepam', ['benzodiazepines'], ['Ativan']),
  g('Diazepam', ['benzodiazepines'], ['Valium', 'Calmpose']),
  g('Amitriptyline', [], ['Tryptomer']),
  g('Escitalopram', [], ['Nexito', 'Cipralex']),
  g('Pregabalin', [], ['Lyrica']),
  g('Gabapentin', [], []),
  g('Carbamazepine', ['aromatic-anticonvulsants'], ['Tegretol']),
  g('Phenytoin', ['aromatic-anticonvulsants'], ['Eptoin']),
  g('Lidocaine', ['amide-local-anaesthetics'], ['Xylocaine'], { aliases: ['lignocaine'] }),

  // Other
  g('Allopurinol', [], ['Zyloric']),
  g('Colchicine', [], []),
  g('Cholecalciferol', [], ['Calcirol', 'Uprise-D3'], { aliases: ['vitamin d3'] }),
  g('Folic acid', [], ['Folvite']),
  g('Ferrous ascorbate', [], []),
  g('Calcium carbonate', [], []),
  g('Serratiopeptidase', [], []),
];
