/**
 * The unit registry: every unit spelling a paper file may use, the dimension it measures and how it converts to
 * that dimension's canonical unit. Conversion is `canonical = value × factor + offset`.
 *
 * Spellings are matched after `unitKey` folds typography (superscripts, U+2212 minus, middle dots, carets and
 * whitespace), so "mA h g⁻¹", "mAh g-1" and "mAh g^-1" are one spelling. "/" forms are listed explicitly.
 */
import { closest } from './spelling.ts';

export type Dimension =
  | 'specific-capacity'
  | 'specific-current'
  | 'c-rate'
  | 'current-density'
  | 'areal-capacity'
  | 'time'
  | 'percent'
  | 'potential'
  | 'overpotential'
  | 'temperature'
  | 'mass-loading'
  | 'area'
  | 'volume'
  | 'conductivity'
  | 'specific-energy'
  | 'resistance';

interface DimensionInfo {
  /** Canonical unit, written as the site prints it. */
  canonical: string;
  /** Plain-ASCII form of the canonical unit, used in data column names and CSV. */
  ascii: string;
  /** What the dimension is, for messages and the field reference. */
  label: string;
}

export const DIMENSIONS: Record<Dimension, DimensionInfo> = {
  'specific-capacity': { canonical: 'mAh g⁻¹', ascii: 'mAh g-1', label: 'specific capacity' },
  'specific-current': { canonical: 'mA g⁻¹', ascii: 'mA g-1', label: 'specific current' },
  'c-rate': { canonical: 'C', ascii: 'C', label: 'C-rate' },
  'current-density': { canonical: 'mA cm⁻²', ascii: 'mA cm-2', label: 'current density' },
  'areal-capacity': { canonical: 'mAh cm⁻²', ascii: 'mAh cm-2', label: 'areal capacity' },
  time: { canonical: 'h', ascii: 'h', label: 'time' },
  percent: { canonical: '%', ascii: '%', label: 'percentage' },
  potential: { canonical: 'V', ascii: 'V', label: 'potential' },
  overpotential: { canonical: 'mV', ascii: 'mV', label: 'overpotential' },
  temperature: { canonical: '°C', ascii: 'degC', label: 'temperature' },
  'mass-loading': { canonical: 'mg cm⁻²', ascii: 'mg cm-2', label: 'mass loading' },
  area: { canonical: 'cm²', ascii: 'cm2', label: 'area' },
  volume: { canonical: 'µL', ascii: 'uL', label: 'volume' },
  conductivity: { canonical: 'S cm⁻¹', ascii: 'S cm-1', label: 'conductivity' },
  'specific-energy': { canonical: 'Wh kg⁻¹', ascii: 'Wh kg-1', label: 'specific energy' },
  resistance: { canonical: 'Ω', ascii: 'ohm', label: 'resistance' },
};

interface UnitEntry {
  dimension: Dimension;
  factor: number;
  offset?: number;
  spellings: string[];
}

const UNITS: UnitEntry[] = [
  { dimension: 'specific-capacity', factor: 1, spellings: ['mAh g-1', 'mA h g-1', 'mAh/g'] },
  { dimension: 'specific-capacity', factor: 1000, spellings: ['Ah g-1', 'A h g-1', 'Ah/g'] },
  { dimension: 'specific-current', factor: 1, spellings: ['mA g-1', 'mA/g'] },
  { dimension: 'specific-current', factor: 1000, spellings: ['A g-1', 'A/g'] },
  { dimension: 'c-rate', factor: 1, spellings: ['C'] },
  { dimension: 'current-density', factor: 1, spellings: ['mA cm-2', 'mA/cm2', 'mA/cm-2'] },
  { dimension: 'current-density', factor: 0.001, spellings: ['µA cm-2', 'μA cm-2', 'uA cm-2'] },
  { dimension: 'current-density', factor: 1000, spellings: ['A cm-2', 'A/cm2'] },
  { dimension: 'areal-capacity', factor: 1, spellings: ['mAh cm-2', 'mA h cm-2', 'mAh/cm2'] },
  { dimension: 'areal-capacity', factor: 0.001, spellings: ['µAh cm-2', 'μAh cm-2', 'uAh cm-2'] },
  { dimension: 'time', factor: 1, spellings: ['h', 'hours', 'hour', 'hrs'] },
  { dimension: 'time', factor: 1 / 60, spellings: ['min', 'minutes'] },
  { dimension: 'time', factor: 1 / 3600, spellings: ['s'] },
  { dimension: 'time', factor: 24, spellings: ['d', 'days'] },
  { dimension: 'percent', factor: 1, spellings: ['%'] },
  { dimension: 'potential', factor: 1, spellings: ['V'] },
  { dimension: 'overpotential', factor: 1, spellings: ['mV'] },
  { dimension: 'temperature', factor: 1, spellings: ['°C', '℃', 'degC'] },
  { dimension: 'temperature', factor: 1, offset: -273.15, spellings: ['K'] },
  { dimension: 'mass-loading', factor: 1, spellings: ['mg cm-2', 'mg/cm2'] },
  { dimension: 'area', factor: 1, spellings: ['cm2', 'cm^2'] },
  { dimension: 'volume', factor: 1, spellings: ['µL', 'μL', 'uL'] },
  { dimension: 'volume', factor: 1000, spellings: ['mL'] },
  { dimension: 'conductivity', factor: 1, spellings: ['S cm-1', 'S/cm'] },
  { dimension: 'conductivity', factor: 0.001, spellings: ['mS cm-1', 'mS/cm'] },
  { dimension: 'conductivity', factor: 0.01, spellings: ['S m-1', 'S/m'] },
  { dimension: 'specific-energy', factor: 1, spellings: ['Wh kg-1', 'Wh/kg'] },
  { dimension: 'resistance', factor: 1, spellings: ['Ω', 'ohm'] },
  { dimension: 'resistance', factor: 1000, spellings: ['kΩ', 'kohm'] },
];

const SUPERSCRIPTS: Record<string, string> = {
  '⁻': '-',
  '−': '-',
  '–': '-',
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
};

/** Folds the typography of a unit spelling so that equivalent spellings compare equal. */
export function unitKey(spelling: string): string {
  return [...spelling.normalize('NFC')]
    .map((ch) => SUPERSCRIPTS[ch] ?? ch)
    .join('')
    .replace(/[·⋅∙^*]/g, '')
    .replace(/\s+/g, '');
}

interface Resolved {
  dimension: Dimension;
  factor: number;
  offset: number;
}

const BY_KEY = new Map<string, Resolved>();
for (const entry of UNITS) {
  for (const spelling of entry.spellings) {
    BY_KEY.set(unitKey(spelling), {
      dimension: entry.dimension,
      factor: entry.factor,
      offset: entry.offset ?? 0,
    });
  }
}

/** Looks a unit spelling up; undefined when the registry does not know it. */
export function resolveUnit(spelling: string): Resolved | undefined {
  return BY_KEY.get(unitKey(spelling));
}

/** The spellings accepted for some dimensions, first spelling of each unit first. */
export function spellingsFor(dimensions: readonly Dimension[]): string[] {
  return UNITS.filter((u) => dimensions.includes(u.dimension)).flatMap((u) => u.spellings);
}

/** The closest accepted spelling among some dimensions, if one is close enough to be a likely typo. */
export function suggestUnit(spelling: string, dimensions: readonly Dimension[]): string | undefined {
  return closest(spelling, spellingsFor(dimensions), (s) => unitKey(s).toLowerCase());
}
