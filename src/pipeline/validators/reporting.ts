/**
 * Reporting gaps that make a result hard to compare. An absent field is a warning (the curator may have missed
 * it); the literal "not stated" records that the paper is silent, which the checklist shows without a warning.
 */
import type { ParsedQuantity } from '../../schema/quantity.ts';
import type { Finding, Validator } from './types.ts';

function usesCRate(result: Record<string, unknown>): boolean {
  const currents = [result.current, ...(Array.isArray(result.currents) ? result.currents : [])];
  return currents.some((c) => (c as ParsedQuantity | undefined)?.dimension === 'c-rate');
}

function hasSpecificCapacity(result: Record<string, unknown>): boolean {
  return Object.values(result).some((v) =>
    (Array.isArray(v) ? v : [v]).some((x) => (x as ParsedQuantity | undefined)?.dimension === 'specific-capacity'),
  );
}

export const reportingGaps: Validator = ({ frontmatter }) =>
  frontmatter.results.flatMap((result, index) => {
    const fields = result as unknown as Record<string, unknown>;
    const findings: Finding[] = [];
    const at = (field: string) => ['results', index, field];
    if (usesCRate(fields) && result.conditions?.one_c === undefined)
      findings.push({
        id: 'W_ONE_C_MISSING',
        path: at('current' in result ? 'current' : 'currents'),
        message: 'a C-rate is given but conditions.one_c is absent, so the current cannot be converted to mA g⁻¹',
        accepted: 'conditions.one_c: the paper\'s 1C ("250 mA g-1" or "250 mAh g-1"), or "not stated"',
      });
    if ('retention' in result && result.retention && result.retention_baseline_cycle === undefined)
      findings.push({
        id: 'W_RETENTION_BASELINE_MISSING',
        path: at('retention'),
        message: 'retention is given without retention_baseline_cycle',
        accepted: 'retention_baseline_cycle: the cycle retention is measured from (e.g. 1, 10), or "not stated"',
      });
    if (hasSpecificCapacity(fields) && result.conditions?.capacity_basis === undefined)
      findings.push({
        id: 'W_CAPACITY_BASIS_MISSING',
        path: at('conditions'),
        atKey: true,
        message: 'specific capacities are given but conditions.capacity_basis is absent',
        accepted: 'conditions.capacity_basis: active material, composite, electrode, anode, cathode, or "not stated"',
      });
    return findings;
  });
