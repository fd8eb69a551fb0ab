/** Physical sense of the numbers: signs, efficiencies, series lengths, and results that measure something. */
import type { ParsedQuantity } from '../../schema/quantity.ts';
import type { ResultRecord } from '../../schema/paper.ts';
import { DIMENSIONS, type Dimension } from '../../schema/units.ts';
import type { FieldPath } from '../locate.ts';
import type { Finding, Validator } from './types.ts';

/** Dimensions whose values can be below zero (a potential vs a reference, a temperature in °C). */
const SIGNED: readonly Dimension[] = ['potential', 'temperature'];

export function isQuantity(value: unknown): value is ParsedQuantity {
  return typeof value === 'object' && value !== null && 'dimension' in value && 'valueText' in value;
}

/**
 * Calls `visit` for every parsed quantity below `value`, with its field path. The path array is reused as the walk
 * goes on (no array per node on this hot path): copy it to keep it.
 */
export function forEachQuantity(
  value: unknown,
  path: (string | number)[],
  visit: (q: ParsedQuantity, path: FieldPath) => void,
): void {
  if (isQuantity(value)) visit(value, path);
  else if (typeof value === 'object' && value !== null) {
    const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
    for (const [key, item] of entries) {
      if (typeof item !== 'object' || item === null) continue;
      path.push(key);
      forEachQuantity(item, path, visit);
      path.pop();
    }
  }
}

export const nonNegative: Validator = ({ frontmatter }) => {
  const findings: Finding[] = [];
  forEachQuantity(frontmatter.results, ['results'], (q, path) => {
    if (q.value < 0 && !SIGNED.includes(q.dimension))
      findings.push({
        id: 'E_NEGATIVE',
        path: [...path],
        message: `"${q.text}" is negative`,
        accepted: `a ${DIMENSIONS[q.dimension].label} ≥ 0`,
      });
  });
  return findings;
};

const EFFICIENCIES = ['coulombic_efficiency', 'initial_coulombic_efficiency'] as const;

export const efficiencyBounds: Validator = ({ frontmatter }) =>
  frontmatter.results.flatMap((result, index) => {
    const findings: Finding[] = [];
    for (const field of EFFICIENCIES) {
      const q = (result as Partial<Record<(typeof EFFICIENCIES)[number], ParsedQuantity>>)[field];
      if (q && q.value > 100)
        findings.push({
          id: 'E_EFFICIENCY_ABOVE_100',
          path: ['results', index, field],
          message: `"${q.text}" is above 100 %`,
          accepted: 'a Coulombic efficiency from 0 to 100 %',
        });
    }
    if ('retention' in result && result.retention && result.retention.value > 100)
      findings.push({
        id: 'W_RETENTION_ABOVE_100',
        path: ['results', index, 'retention'],
        message: `"${result.retention.text}" is above 100 % (capacity rose during cycling, e.g. activation); check the baseline`,
      });
    return findings;
  });

export const seriesLengths: Validator = ({ frontmatter }) =>
  frontmatter.results.flatMap((result, index): Finding[] =>
    result.kind === 'rate' && result.currents.length !== result.capacities.length
      ? [
          {
            id: 'E_SERIES_LENGTH',
            path: ['results', index, 'capacities'],
            message: `${result.currents.length} currents but ${result.capacities.length} capacities`,
            accepted: 'one capacity for each current, in the same order',
          },
        ]
      : [],
  );

/** The fields of each kind at least one of which must be present for the result to say anything. */
const MEASUREMENTS: Partial<Record<ResultRecord['kind'], readonly string[]>> = {
  cycling: ['capacity', 'initial_capacity', 'retention', 'decay_per_cycle', 'coulombic_efficiency'],
  'first-cycle': ['discharge_capacity', 'charge_capacity', 'initial_coulombic_efficiency'],
  symmetric: ['duration', 'cycles', 'overpotential'],
  plating: ['coulombic_efficiency', 'cycles', 'duration'],
  'full-cell': ['capacity', 'initial_capacity', 'retention', 'coulombic_efficiency', 'specific_energy', 'cycles'],
};

/** A symmetric cell that failed in a stated way is a result even when its lifetime is given only in words. */
function failed(result: ResultRecord): boolean {
  return result.kind === 'symmetric' && !['none', 'not stated'].includes(result.failure);
}

export const hasMeasurement: Validator = ({ frontmatter }) =>
  frontmatter.results.flatMap((result, index): Finding[] => {
    const fields = MEASUREMENTS[result.kind];
    if (!fields || failed(result) || fields.some((f) => (result as Record<string, unknown>)[f] !== undefined))
      return [];
    return [
      {
        id: 'E_NO_MEASUREMENT',
        path: ['results', index, 'kind'],
        message: `a ${result.kind} result with no measured value`,
        accepted: `at least one of ${fields.join(', ')}${result.kind === 'symmetric' ? ', or a failure other than none' : ''}; a result given only in words is kind: qualitative`,
      },
    ];
  });
