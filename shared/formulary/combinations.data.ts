/** Common Indian combination brands and the generics each contains (an allergy to any one warns). */
export interface CombinationBrand {
  brand: string;
  generics: readonly string[];
}

const c = (brand: string, ...generics: string[]): CombinationBrand => ({ brand, generics });

export const COMBINATIONS: readonly CombinationBrand[] = [
  c('Combiflam', 'Ibuprofen', 'Paracetamol'),
  c('Ibuclin', 'Ibuprofen', 'Paracetamol'),
  c('Zerodol-P', 'Aceclofenac', 'Paracetamol'),
  c('Hifenac-P', 'Aceclofenac', 'Paracetamol'),
  c('Zerodol-SP', 'Aceclofenac', 'Paracetamol', 'Serratiopeptidase'),
  c('Meftal-Spas', 'Mefenamic acid', 'Dicyclomine'),
  c('Cyclopam', 'Dicyclomine', 'Paracetamol'),
  c('Naxdom', 'Naproxen', 'Domperidone'),
  c('Ultracet', 'Tramadol', 'Paracetamol'),
  c('Augmentin', 'Amoxicillin', 'Clavulanic acid'),
  c('Clavam', 'Amoxicillin', 'Clavulanic acid'),
  c('Moxclav', 'Amoxicillin', 'Clavulanic acid'),
  c('Moxikind-CV', 'Amoxicillin', 'Clavulanic acid'),
  c('Ampiclox', 'Ampicillin', 'Cloxacillin'),
  c('Septran', 'Sulfamethoxazole', 'Trimethoprim'),
  c('Bactrim', 'Sulfamethoxazole', 'Trimethoprim'),
  c('Cotrimoxazole', 'Sulfamethoxazole', 'Trimethoprim'),
  c('O2', 'Ofloxacin', 'Ornidazole'),
  c('Norflox-TZ', 'Norfloxacin', 'Tinidazole'),
  c('Montair-LC', 'Montelukast', 'Levocetirizine'),
  c('Montek-LC', 'Montelukast', 'Levocetirizine'),
  c('Foracort', 'Formoterol', 'Budesonide'),
  c('Ascoril', 'Terbutaline', 'Bromhexine', 'Guaifenesin'),
  c('Pan-D', 'Pantoprazole', 'Domperidone'),
  c('Rablet-D', 'Rabeprazole', 'Domperidone'),
  c('Glycomet-GP', 'Glimepiride', 'Metformin'),
  c('Telma-AM', 'Telmisartan', 'Amlodipine'),
  c('Telma-H', 'Telmisartan', 'Hydrochlorothiazide'),
  c('Shelcal', 'Calcium carbonate', 'Cholecalciferol'),
  c('Orofer XT', 'Ferrous ascorbate', 'Folic acid'),
  c('Piptaz', 'Piperacillin', 'Tazobactam'),
];
