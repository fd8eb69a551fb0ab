/** Text forms of data-set values for pages: numbers with their unit and qualifier, and labels. */
import type { Value } from './pipeline/normalise.ts';

/** "≈ 200 mA g⁻¹", "89.3 %", "4000" (a count); "—" when the value is missing. */
export function formatValue(value: Value | undefined): string {
  if (!value || value.status === 'missing') return '—';
  const unit = value.unit;
  const number = value.value.toLocaleString('en-US', { maximumFractionDigits: 6, useGrouping: false });
  return `${value.qualifier ? `${value.qualifier} ` : ''}${number}${unit ? (unit === '%' ? ' %' : ` ${unit}`) : ''}`;
}

export const KIND_LABELS: Record<string, string> = {
  cycling: 'Galvanostatic cycling',
  rate: 'Rate capability',
  'first-cycle': 'First cycle',
  symmetric: 'Symmetric cells',
  plating: 'Plating/stripping (metal‖Cu)',
  'full-cell': 'Full cells',
  property: 'Other measured properties',
  qualitative: 'Results given in words',
};
