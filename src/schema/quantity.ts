/**
 * A quantity as a paper file writes it: one string, "<qualifier?><number> <unit>", e.g. "374.8 mAh g⁻¹",
 * "> 2000 h", "1.2 × 10⁻³ S cm⁻¹". Keeping the printed text lets the data set show exactly what the paper printed
 * (including trailing zeros) beside the normalised value.
 */
import { resolveUnit, type Dimension } from './units.ts';

export const QUALIFIERS = ['~', '≈', '>', '<', '≥', '≤'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export interface ParsedQuantity {
  /** The whole string as written in the paper file. */
  text: string;
  qualifier?: Qualifier;
  value: number;
  /** The number exactly as printed, e.g. "0.50" or "1.2 × 10⁻³". */
  valueText: string;
  /** The unit exactly as printed. */
  unit: string;
  dimension: Dimension;
  factor: number;
  offset: number;
}

export type QuantityProblem =
  | { problem: 'no-number'; text: string }
  | { problem: 'no-unit'; text: string; valueText: string }
  | { problem: 'unknown-unit'; text: string; unit: string }
  | { problem: 'wrong-dimension'; text: string; unit: string; dimension: Dimension };

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const NUMBER = String.raw`[-−+]?(?:\d+(?:\.\d*)?|\.\d+)(?:\s*[×x*]\s*10(?:\^?[-−]?\d+|[⁻]?[${SUPERSCRIPT_DIGITS}]+)|[eE][-+]?\d+)?`;
const QUANTITY = new RegExp(String.raw`^\s*([~≈><≥≤])?\s*(${NUMBER})\s*(.*?)\s*$`, 'u');

function numberValue(valueText: string): number {
  const plain = [...valueText]
    .map((ch) => {
      const digit = SUPERSCRIPT_DIGITS.indexOf(ch);
      if (digit >= 0) return String(digit);
      return ch === '⁻' || ch === '−' ? '-' : ch === '+' ? '' : ch;
    })
    .join('')
    .replace(/\s+/g, '');
  const power = /^(-?[\d.]+)[×x*]10\^?(-?\d+)$/.exec(plain);
  return power ? Number(`${power[1]}e${power[2]}`) : Number(plain);
}

/** Parses a quantity string and checks its unit against the dimensions the field accepts. */
export function parseQuantity(text: string, accepted: readonly Dimension[]): ParsedQuantity | QuantityProblem {
  const match = QUANTITY.exec(text);
  if (!match) return { problem: 'no-number', text };
  const [, qualifier, valueText = '', unit = ''] = match;
  if (unit === '') return { problem: 'no-unit', text, valueText };
  const resolved = resolveUnit(unit);
  if (!resolved) return { problem: 'unknown-unit', text, unit };
  if (!accepted.includes(resolved.dimension)) {
    return { problem: 'wrong-dimension', text, unit, dimension: resolved.dimension };
  }
  return {
    text,
    ...(qualifier ? { qualifier: qualifier as Qualifier } : {}),
    value: numberValue(valueText),
    valueText,
    unit,
    ...resolved,
  };
}

export function isProblem(q: ParsedQuantity | QuantityProblem): q is QuantityProblem {
  return 'problem' in q;
}
