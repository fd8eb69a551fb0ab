/**
 * Figure 4, first-cycle efficiency: initial Coulombic efficiency (%) of each electrode material, one bar per
 * first-cycle result, sorted high to low, on a 0–100 % axis so bar lengths compare honestly.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Row } from '../pipeline/dataset.ts';
import type { FigureDefinition, PlotDatum, SpecContext } from './figure.ts';
import { ptFromMm, type Preset } from './presets.ts';
import {
  axisTitle,
  classColour,
  classLabel,
  frame,
  shortNumber,
  sharedTooltip,
  SHARED_TOOLTIP_FIELDS,
  DATA_MARKS,
} from './theme.ts';

function exclusionReason(row: Row): string | undefined {
  if (row.kind === 'plating') return 'metal‖Cu plating efficiency, not an electrode’s first-cycle efficiency';
  if (typeof row.initial_coulombic_efficiency_pct !== 'number') return 'no initial Coulombic efficiency printed';
  return undefined;
}

/**
 * How many bars a preset has room for: one text line and a half per bar over most of the plot height (single
 * columns lose part of it to the legends stacked below). The rest of the results are in the table and the CSV.
 */
export function barLimit(preset: Preset): number {
  const share = preset.column === 'single' ? 0.5 : 0.75;
  return Math.floor((ptFromMm(preset.heightMm) * share) / (preset.textPt * 1.5));
}

/** The highest efficiencies first, ties in a stable order. */
const highestFirst = (a: PlotDatum, b: PlotDatum) =>
  (b.initial_coulombic_efficiency_pct as number) - (a.initial_coulombic_efficiency_pct as number) ||
  String(a.row_id).localeCompare(String(b.row_id));

function spec(data: PlotDatum[], { preset, unitStyle, links }: SpecContext): TopLevelSpec {
  const shown = [...data].sort(highestFirst).slice(0, barLimit(preset));
  // A bar per result: a sample with two first-cycle results gets two bars, told apart by a count.
  const seen = new Map<string, number>();
  const barName = (d: PlotDatum): string => {
    const name = `${String(d.sample_name)} [${d.source}]`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  };
  const values = shown.map((d) => ({
    row_id: d.row_id,
    bar: barName(d),
    ice: d.initial_coulombic_efficiency_pct,
    material_class: classLabel(String(d.material_class)),
    label: d.label,
    href: d.href,
    sample: d.sample_name,
    source: `[${d.source}] ${String(d.citation)}`,
    ...sharedTooltip(d),
    ice_printed: d.initial_coulombic_efficiency_pct_reported,
    current: d.current_mA_g_reported ?? 'not printed',
  }));
  const position = {
    y: {
      field: 'bar',
      type: 'nominal',
      scale: { domain: values.map((v) => v.bar) },
      sort: null,
      axis: { title: null, ticks: false },
    },
    x: {
      field: 'ice',
      type: 'quantitative',
      scale: { domain: [0, 100] as number[] },
      axis: {
        title: axisTitle('Initial Coulombic efficiency', '%', unitStyle),
        values: [0, 20, 40, 60, 80, 100] as number[],
      },
    },
  } as const;
  return {
    ...frame(preset),
    description: 'Initial Coulombic efficiency of each electrode material.',
    data: { values },
    layer: [
      {
        name: DATA_MARKS,
        mark: { type: 'bar', height: { band: 0.6 }, aria: links },
        encoding: {
          ...position,
          color: {
            ...classColour(values.map((v) => v.material_class)),
            // A legend beside the plot starts past the widest bar label ("100 %", about 4.5 em), not on it.
            legend: preset.column === 'single' ? {} : { offset: preset.smallPt * 4.5 + 6 },
          },
          tooltip: [
            { field: 'sample', title: 'Sample' },
            { field: 'source', title: 'Source' },
            { field: 'ice_printed', title: 'ICE (printed)' },
            { field: 'current', title: 'Current (printed)' },
            ...SHARED_TOOLTIP_FIELDS,
          ],
          ...(links ? { href: { field: 'href' } } : {}),
        },
      },
      {
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 3, fontSize: preset.smallPt, aria: false },
        encoding: { ...position, text: { field: 'label' } },
      },
    ],
  } as TopLevelSpec;
}

export const firstCycleEfficiency: FigureDefinition = {
  id: 'first-cycle-efficiency',
  title: 'First-cycle efficiency',
  summary: 'Initial Coulombic efficiency of each electrode material, sorted high to low.',
  isCandidate: (row) =>
    row.kind === 'first-cycle' || (row.kind === 'plating' && row.initial_coulombic_efficiency_pct !== null),
  exclusionReason,
  range: { column: 'current_mA_g', label: 'Specific current', unit: 'mA g⁻¹' },
  rank: (data) => [...data].sort(highestFirst),
  label: (row) => `${shortNumber(row.initial_coulombic_efficiency_pct as number)} %`,
  columns: [
    { column: 'ion', label: 'Ion' },
    { column: 'material_class', label: 'Material class' },
    { column: 'initial_coulombic_efficiency_pct', label: 'ICE (%)' },
    { column: 'initial_coulombic_efficiency_pct_reported', label: 'ICE as printed' },
    { column: 'current_mA_g', label: 'Current (mA g⁻¹)' },
    { column: 'current_mA_g_reported', label: 'Current as printed' },
    { column: 'capacity_basis', label: 'Capacity basis' },
  ],
  spec,
  describe(data, { preset }) {
    const limit = barLimit(preset);
    const shown =
      data.length > limit
        ? ` The ${limit} highest of ${data.length} results are drawn (all are in the data table and the CSV).`
        : '';
    return `Initial (first-cycle) Coulombic efficiency (%) of each material, one bar per result from the highest down, colour giving the material class; bars are named with the sample and its source number.${shown}`;
  },
};
