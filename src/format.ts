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

export const FIELD_LABELS: Record<string, string> = {
  current: 'Current',
  c_rate: 'C-rate',
  current_density: 'Current density',
  areal_capacity: 'Areal capacity',
  cycles: 'Cycles',
  duration: 'Duration',
  capacity: 'Capacity',
  initial_capacity: 'Initial capacity',
  discharge_capacity: 'Discharge capacity',
  charge_capacity: 'Charge capacity',
  retention: 'Retention',
  decay_per_cycle: 'Decay per cycle',
  coulombic_efficiency: 'Coulombic efficiency',
  initial_coulombic_efficiency: 'Initial CE',
  overpotential: 'Overpotential',
  specific_energy: 'Specific energy',
  property_value: 'Value',
};
