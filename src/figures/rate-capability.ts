/**
 * Figure 2, rate capability: specific capacity against specific current (log axis), one line per rate series of a
 * half cell, as in the rate plots of anode papers. Colour and shape both follow the series, so lines stay apart in
 * greyscale; the legend names sample and source.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Row } from '../pipeline/dataset.ts';
import { halfCellCapacityProblem } from './half-cell.ts';
import type { FigureDefinition, PlotDatum, SpecContext } from './figure.ts';
import { axisTitle, decades, frame, PALETTE, SHAPES, sharedTooltip, SHARED_TOOLTIP_FIELDS } from './theme.ts';

const exclusionReason = (row: Row): string | undefined =>
  halfCellCapacityProblem(row, 'no capacity printed for this step');

const seriesName = (d: PlotDatum): string => `${String(d.sample_name)} [${d.source}]`;

function spec(data: PlotDatum[], { preset, unitStyle, links }: SpecContext): TopLevelSpec {
  const currents = data.map((d) => (d.current_mA_g as number) / 1000);
  const x = decades(currents);
  const values = data.map((d) => ({
    row_id: d.row_id,
    series: seriesName(d),
    result: `${String(d.paper_id)}/${String(d.result_id)}`,
    step: d.step,
    current: (d.current_mA_g as number) / 1000,
    capacity: d.capacity_mAh_g,
    href: d.href,
    sample: d.sample_name,
    source: `[${d.source}] ${String(d.citation)}`,
    ...sharedTooltip(d),
    current_printed: d.current_mA_g_reported,
    capacity_printed: d.capacity_mAh_g_reported,
  }));
  const series = { field: 'series', type: 'nominal', title: 'Sample [source]' } as const;
  const position = {
    x: {
      field: 'current',
      type: 'quantitative',
      scale: { type: 'log', domain: x.domain },
      axis: { values: x.ticks, format: '~g', title: axisTitle('Current density', 'A g⁻¹', unitStyle) },
    },
    y: {
      field: 'capacity',
      type: 'quantitative',
      scale: { zero: true, nice: true },
      axis: { title: axisTitle('Specific capacity', 'mAh g⁻¹', unitStyle), tickCount: 5 },
    },
  } as const;
  return {
    ...frame(preset),
    description: 'Specific capacity against specific current, one line per half-cell rate series.',
    data: { values },
    layer: [
      {
        mark: { type: 'line' },
        encoding: {
          ...position,
          color: { ...series, scale: { range: PALETTE } },
          // One line per rate series even when a paper tests the same sample twice.
          detail: { field: 'result' },
          order: { field: 'current' },
        },
      },
      {
        mark: { type: 'point', filled: true },
        encoding: {
          ...position,
          color: { ...series, scale: { range: PALETTE } },
          shape: { ...series, scale: { range: SHAPES } },
          tooltip: [
            { field: 'sample', title: 'Sample' },
            { field: 'source', title: 'Source' },
            { field: 'current_printed', title: 'Current (printed)' },
            { field: 'capacity_printed', title: 'Capacity (printed)' },
            { field: 'step', title: 'Step' },
            ...SHARED_TOOLTIP_FIELDS,
          ],
          ...(links ? { href: { field: 'href' } } : {}),
        },
      },
    ],
  } as TopLevelSpec;
}

export const rateCapability: FigureDefinition = {
  id: 'rate-capability',
  title: 'Rate capability',
  summary: 'Specific capacity against specific current, one line per half-cell rate series.',
  isCandidate: (row) => row.kind === 'rate',
  exclusionReason,
  range: { column: 'current_mA_g', label: 'Specific current', unit: 'mA g⁻¹' },
  label: (row, source) => `${String(row.sample_name)} [${source}]`,
  columns: [
    { column: 'ion', label: 'Ion' },
    { column: 'material_class', label: 'Material class' },
    { column: 'step', label: 'Step' },
    { column: 'current_mA_g', label: 'Current (mA g⁻¹)' },
    { column: 'current_mA_g_reported', label: 'Current as printed' },
    { column: 'capacity_mAh_g', label: 'Capacity (mAh g⁻¹)' },
    { column: 'capacity_mAh_g_reported', label: 'Capacity as printed' },
    { column: 'capacity_basis', label: 'Capacity basis' },
  ],
  spec,
  describe(data) {
    const series = new Set(data.map((d) => `${String(d.paper_id)}/${String(d.result_id)}`)).size;
    return `Specific capacity (mAh g⁻¹) at each step of ${series} half-cell rate series against the specific current (A g⁻¹, log axis); the legend names each sample with its source number.`;
  },
};
