/**
 * Figure 4, first-cycle efficiency: initial Coulombic efficiency (%) of each electrode material, one bar per
 * first-cycle result, sorted high to low, on a 0–100 % axis so bar lengths compare honestly.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Row } from '../pipeline/dataset.ts';
import type { FigureDefinition, PlotDatum, SpecContext } from './figure.ts';
import {
  axisTitle,
  classColour,
  classLabel,
  frame,
  shortNumber,
  sharedTooltip,
  SHARED_TOOLTIP_FIELDS,
} from './theme.ts';

function exclusionReason(row: Row): string | undefined {
  if (row.kind === 'plating') return 'metal‖Cu plating efficiency, not an electrode’s first-cycle efficiency';
  if (typeof row.initial_coulombic_efficiency_pct !== 'number') return 'no initial Coulombic efficiency printed';
  return undefined;
}

function spec(data: PlotDatum[], { preset, unitStyle, links }: SpecContext): TopLevelSpec {
  const values = data.map((d) => ({
    row_id: d.row_id,
    bar: `${String(d.sample_name)} [${d.source}]`,
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
  const order = [...values].sort((a, b) => (b.ice as number) - (a.ice as number)).map((v) => v.bar);
  const position = {
    y: { field: 'bar', type: 'nominal', sort: order, axis: { title: null, ticks: false } },
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
        mark: { type: 'bar', height: { band: 0.6 } },
        encoding: {
          ...position,
          color: classColour,
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
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 3, fontSize: preset.smallPt },
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
  describe: () =>
    'Initial (first-cycle) Coulombic efficiency (%) of each material, one bar per result, colour giving the material class; bars are named with the sample and its source number.',
};
