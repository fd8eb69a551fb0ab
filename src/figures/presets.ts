/**
 * Journal presets: the printed width of a figure and the type-size rule of the journal's artwork guide. Sizes are
 * in typographic points (1 pt = 1/72 in); figures are laid out with 1 SVG unit = 1 pt, so an SVG, PDF or PNG made
 * for a preset prints at exactly this width and these text sizes.
 */

export type UnitStyle = 'parentheses' | 'solidus';

export interface Preset {
  id: string;
  label: string;
  journal: string;
  column: 'single' | 'double';
  widthMm: number;
  heightMm: number;
  /** Smallest and largest text size the journal accepts at final size, pt. */
  minPt: number;
  maxPt: number;
  /** Text size used for titles and tick labels, and for the small data labels. */
  textPt: number;
  smallPt: number;
  /** How axis titles carry units: "Capacity (mAh g⁻¹)" or RSC's "Capacity / mAh g⁻¹". */
  unitStyle: UnitStyle;
}

export const MM_PER_INCH = 25.4;
export const PT_PER_INCH = 72;
export const ptFromMm = (mm: number): number => (mm / MM_PER_INCH) * PT_PER_INCH;

const preset = (p: Preset): Preset => p;

/**
 * Widths from each publisher's artwork guide. Nature: 89 / 183 mm, text 5–7 pt. ACS: 3.25 in (82.5 mm) /
 * 7 in (178 mm), lettering no smaller than 4.5 pt. RSC: 83 / 171 mm, text ≥ 7 pt. Elsevier: 90 / 190 mm, text
 * ≥ 7 pt. The upper limits of ACS, RSC and Elsevier are ours (12 pt), to catch a runaway size.
 */
export const PRESETS: readonly Preset[] = [
  preset({
    id: 'nature-single',
    label: 'Nature, single column',
    journal: 'Nature',
    column: 'single',
    widthMm: 89,
    heightMm: 90,
    minPt: 5,
    maxPt: 7,
    textPt: 7,
    smallPt: 6,
    unitStyle: 'parentheses',
  }),
  preset({
    id: 'nature-double',
    label: 'Nature, double column',
    journal: 'Nature',
    column: 'double',
    widthMm: 183,
    heightMm: 100,
    minPt: 5,
    maxPt: 7,
    textPt: 7,
    smallPt: 6,
    unitStyle: 'parentheses',
  }),
  preset({
    id: 'acs-single',
    label: 'ACS, single column',
    journal: 'ACS',
    column: 'single',
    widthMm: 82.5,
    heightMm: 85,
    minPt: 4.5,
    maxPt: 12,
    textPt: 7,
    smallPt: 6,
    unitStyle: 'parentheses',
  }),
  preset({
    id: 'acs-double',
    label: 'ACS, double column',
    journal: 'ACS',
    column: 'double',
    widthMm: 178,
    heightMm: 100,
    minPt: 4.5,
    maxPt: 12,
    textPt: 7,
    smallPt: 6,
    unitStyle: 'parentheses',
  }),
  preset({
    id: 'rsc-single',
    label: 'RSC, single column',
    journal: 'RSC',
    column: 'single',
    widthMm: 83,
    heightMm: 88,
    minPt: 7,
    maxPt: 12,
    textPt: 7,
    smallPt: 7,
    unitStyle: 'solidus',
  }),
  preset({
    id: 'rsc-double',
    label: 'RSC, double column',
    journal: 'RSC',
    column: 'double',
    widthMm: 171,
    heightMm: 100,
    minPt: 7,
    maxPt: 12,
    textPt: 7,
    smallPt: 7,
    unitStyle: 'solidus',
  }),
  preset({
    id: 'elsevier-single',
    label: 'Elsevier, single column',
    journal: 'Elsevier',
    column: 'single',
    widthMm: 90,
    heightMm: 90,
    minPt: 7,
    maxPt: 12,
    textPt: 7,
    smallPt: 7,
    unitStyle: 'parentheses',
  }),
  preset({
    id: 'elsevier-double',
    label: 'Elsevier, double column',
    journal: 'Elsevier',
    column: 'double',
    widthMm: 190,
    heightMm: 100,
    minPt: 7,
    maxPt: 12,
    textPt: 7,
    smallPt: 7,
    unitStyle: 'parentheses',
  }),
];

/** The preset the site shows inline: the widest Nature layout reads well on screen. */
export const SITE_PRESET = 'nature-double';

export function presetById(id: string): Preset {
  const found = PRESETS.find((p) => p.id === id);
  if (!found) throw new Error(`unknown preset "${id}"; accepted: ${PRESETS.map((p) => p.id).join(', ')}`);
  return found;
}
