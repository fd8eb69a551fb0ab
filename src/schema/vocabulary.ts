/** The closed vocabularies of a sample, apart from the Zod schema so that browser code can use them cheaply. */

export const IONS = ['Li', 'Na', 'K', 'Mg', 'Ca', 'Zn', 'Al'] as const;
export const ROLES = ['anode', 'cathode', 'electrolyte', 'separator', 'interlayer'] as const;
export const MATERIAL_CLASSES = [
  'alloy',
  'medium-entropy-alloy',
  'high-entropy-alloy',
  'conversion',
  'intercalation',
  'metal',
  'liquid-alkali-alloy',
  'quasi-liquid-alkali-alloy',
  'high-entropy-oxide',
  'high-entropy-other',
  'carbon',
  'prussian-blue-analogue',
  'layered-oxide',
  'polyanion',
  'organic',
  'liquid-electrolyte',
  'solid-electrolyte',
  'other',
] as const;
