/**
 * The columns of data/measurements.{json,csv}: one definition used to build the rows, write the CSV and document
 * the columns on the site's data page.
 */
import type { Field } from './normalise.ts';

export interface Column {
  name: string;
  description: string;
}

/** The numeric fields of a data point: page label, data-set column and meaning. */
export const NUMERIC_FIELDS: { field: Field; label: string; column: string; description: string }[] = [
  {
    field: 'current',
    label: 'Current',
    column: 'current_mA_g',
    description: 'Specific current in mA g⁻¹ (a C-rate converted with the paper’s 1C)',
  },
  {
    field: 'c_rate',
    label: 'C-rate',
    column: 'c_rate_C',
    description: 'The current as a C-rate, when the paper gives it so',
  },
  {
    field: 'current_density',
    label: 'Current density',
    column: 'current_density_mA_cm2',
    description: 'Current density in mA cm⁻² (metal anodes)',
  },
  {
    field: 'areal_capacity',
    label: 'Areal capacity',
    column: 'areal_capacity_mAh_cm2',
    description: 'Areal capacity per half-cycle in mAh cm⁻²',
  },
  { field: 'cycles', label: 'Cycles', column: 'cycles', description: 'Number of cycles the values refer to' },
  { field: 'duration', label: 'Duration', column: 'duration_h', description: 'Lifetime or test duration in hours' },
  {
    field: 'capacity',
    label: 'Capacity',
    column: 'capacity_mAh_g',
    description: 'Reversible specific capacity in mAh g⁻¹ (after `cycles`, or at this rate step)',
  },
  {
    field: 'initial_capacity',
    label: 'Initial capacity',
    column: 'initial_capacity_mAh_g',
    description: 'Capacity at the start of the cycling test in mAh g⁻¹',
  },
  {
    field: 'discharge_capacity',
    label: 'Discharge capacity',
    column: 'discharge_capacity_mAh_g',
    description: 'First discharge capacity in mAh g⁻¹',
  },
  {
    field: 'charge_capacity',
    label: 'Charge capacity',
    column: 'charge_capacity_mAh_g',
    description: 'First charge capacity in mAh g⁻¹',
  },
  {
    field: 'retention',
    label: 'Retention',
    column: 'retention_pct',
    description: 'Capacity retention in % (from `retention_baseline_cycle`)',
  },
  {
    field: 'decay_per_cycle',
    label: 'Decay per cycle',
    column: 'decay_per_cycle_pct',
    description: 'Capacity decay per cycle in %',
  },
  {
    field: 'coulombic_efficiency',
    label: 'Coulombic efficiency',
    column: 'coulombic_efficiency_pct',
    description: 'Coulombic efficiency in %',
  },
  {
    field: 'initial_coulombic_efficiency',
    label: 'Initial CE',
    column: 'initial_coulombic_efficiency_pct',
    description: 'Initial (first-cycle) Coulombic efficiency in %',
  },
  { field: 'overpotential', label: 'Overpotential', column: 'overpotential_mV', description: 'Overpotential in mV' },
  {
    field: 'specific_energy',
    label: 'Specific energy',
    column: 'specific_energy_Wh_kg',
    description: 'Specific energy in Wh kg⁻¹',
  },
  {
    field: 'property_value',
    label: 'Value',
    column: 'property_value',
    description: 'Value of a single measured property, in `property_unit`',
  },
];

/** Condition quantities: canonical column and the text as printed. */
export const CONDITION_QUANTITIES = [
  { key: 'voltage_min', column: 'voltage_min_V', description: 'Lower cut-off voltage in V' },
  { key: 'voltage_max', column: 'voltage_max_V', description: 'Upper cut-off voltage in V' },
  { key: 'temperature', column: 'temperature_degC', description: 'Temperature in °C' },
  { key: 'mass_loading', column: 'mass_loading_mg_cm2', description: 'Mass loading in mg cm⁻²' },
  { key: 'electrode_area', column: 'electrode_area_cm2', description: 'Electrode area in cm²' },
  { key: 'electrolyte_volume', column: 'electrolyte_volume_uL', description: 'Electrolyte amount in µL' },
] as const;

export const COLUMNS: Column[] = [
  { name: 'row_id', description: 'Stable id of the row: paper_id/result_id, with /step for a rate-series point' },
  { name: 'paper_id', description: 'Id of the paper file (content/papers/<paper_id>.md)' },
  { name: 'doi', description: 'DOI of the paper; empty when the paper does not print one' },
  { name: 'citation', description: 'Short citation: first author et al., journal year' },
  { name: 'year', description: 'Year of publication' },
  { name: 'sample_id', description: 'Id of the sample within its paper' },
  { name: 'sample_name', description: 'Sample name as the paper writes it' },
  { name: 'formula', description: 'Composition or formula as written' },
  { name: 'ion', description: 'Working ion' },
  { name: 'role', description: 'Role of the material: anode, cathode, electrolyte, …' },
  { name: 'material_class', description: 'Material class' },
  { name: 'control', description: 'true for a control or comparison sample' },
  { name: 'result_id', description: 'Id of the result within its paper' },
  {
    name: 'kind',
    description: 'Result kind: cycling, rate, first-cycle, symmetric, plating, full-cell, property, qualitative',
  },
  { name: 'step', description: 'Position in a rate series (1 = first current); empty for other kinds' },
  { name: 'cell', description: 'Cell type: half, symmetric, asymmetric (metal‖Cu) or full' },
  { name: 'format', description: 'Cell hardware as printed' },
  { name: 'counter_electrode', description: 'Counter electrode as printed' },
  { name: 'cathode', description: 'Cathode of a full cell as printed' },
  { name: 'electrolyte', description: 'Electrolyte as printed' },
  ...CONDITION_QUANTITIES.flatMap((c) => [
    { name: c.column, description: c.description },
    { name: `${c.column}_reported`, description: `${c.description.split(' in ')[0]} as printed` },
  ]),
  { name: 'voltage_vs', description: 'Reference of the voltage window' },
  { name: 'one_c_reported', description: 'The paper’s 1C definition as printed, or "not stated"' },
  { name: 'capacity_basis', description: 'Mass the specific capacity is per, or "not stated"' },
  ...NUMERIC_FIELDS.flatMap((f) => [
    { name: f.column, description: f.description },
    { name: `${f.column}_qualifier`, description: 'Qualifier printed with the number: ~ ≈ > < ≥ ≤' },
    { name: `${f.column}_reported`, description: 'The value and unit exactly as printed' },
    {
      name: `${f.column}_origin`,
      description: 'reported; converted: <formula> (C-rate via 1C); derived: <formula>; or missing: <why>',
    },
  ]),
  { name: 'property', description: 'What a property result measures' },
  { name: 'property_unit', description: 'Canonical unit of property_value' },
  { name: 'retention_baseline_cycle', description: 'Cycle the retention is measured from, or "not stated"' },
  {
    name: 'failure',
    description: 'How a metal-anode test ended: none, short circuit, overpotential rise, other, not stated',
  },
  { name: 'statement', description: 'A result given in words (qualitative kind)' },
  { name: 'verdict', description: 'positive, negative or neutral (qualitative kind)' },
  {
    name: 'completeness_score',
    description: 'Share of the applicable reporting-checklist items the paper reports, 0–1',
  },
  { name: 'reporting_missing', description: 'Applicable checklist items the paper does not report, separated by "; "' },
  { name: 'locator', description: 'Figure, table or section of the paper' },
  { name: 'quote', description: 'The paper’s own words giving the values (several quotes separated by " | ")' },
  { name: 'value_origin', description: '"reported" (text or table) or "read from plot"' },
  { name: 'note', description: 'Curator’s note on ambiguities' },
];
