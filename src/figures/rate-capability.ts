/**
 * Figure 2, rate capability: specific capacity against specific current (log axis), one line per rate series of a
 * half cell, as in the rate plots of anode papers. Colour and shape both follow the series, so lines stay apart in
 * greyscale; the legend names sample and source.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Row } from '../pipeline/dataset.ts';
import { halfCellCapacityProblem } from './half-cell.ts';
import { DENSE_LIMIT, type FigureDefinition, type PlotDatum, type SpecContext } from './figure.ts';
import { paretoFront } from './labels.ts';
import type { Preset } from './presets.ts';
import {
  axisTitle,
  decades,
  densityLayer,
  domainOf,
  frame,
  fromZero,
  PALETTE,
  SHAPES,
  sharedTooltip,
  SHARED_TOOLTIP_FIELDS,
  DATA_MARKS,
} from './theme.ts';

const exclusionReason = (row: Row): string | undefined =>
  halfCellCapacityProblem(row, 'no capacity printed for this step');

const seriesName = (d: PlotDatum): string => `${String(d.sample_name)} [${d.source}]`;
const seriesKey = (d: PlotDatum): string => `${String(d.paper_id)}/${String(d.result_id)}`;

/**
 * Series drawn in colour, with a legend entry each: as many as the shapes that keep them apart in greyscale, fewer in a
 * single column, whose legends stack under the plot and take its height.
 */
const maxSeries = (preset: Preset): number => (preset.column === 'single' ? 4 : SHAPES.length);

/**
 * The series in the order they earn a colour: those with a step on the Pareto front of all steps (no other step has
 * a higher capacity at as high a current), then by their highest current and the capacity kept there; ties by key.
 */
function rankedSeries(data: readonly PlotDatum[]): string[] {
  const front = paretoFront(
    data.map((d) => ({ id: String(d.row_id), x: d.current_mA_g as number, y: d.capacity_mAh_g as number })),
  );
  const best = new Map<string, { front: boolean; current: number; capacity: number }>();
  for (const d of data) {
    const key = seriesKey(d);
    const current = d.current_mA_g as number;
    const capacity = d.capacity_mAh_g as number;
    const seen = best.get(key) ?? { front: false, current: -Infinity, capacity: -Infinity };
    const top = current > seen.current || (current === seen.current && capacity > seen.capacity);
    best.set(key, {
      front: seen.front || front.has(String(d.row_id)),
      current: top ? current : seen.current,
      capacity: top ? capacity : seen.capacity,
    });
  }
  return [...best]
    .sort(
      ([ka, a], [kb, b]) =>
        Number(b.front) - Number(a.front) || b.current - a.current || b.capacity - a.capacity || ka.localeCompare(kb),
    )
    .map(([key]) => key);
}

function spec(data: PlotDatum[], { preset, unitStyle, links }: SpecContext): TopLevelSpec {
  const x = decades(data.map((d) => (d.current_mA_g as number) / 1000));
  const coloured = rankedSeries(data).slice(0, maxSeries(preset));
  // A legend entry per coloured series: a sample tested twice gets two, told apart by a count.
  const legendName = new Map<string, string>();
  const named = new Map<string, number>();
  for (const key of coloured) {
    const name = seriesName(data.find((d) => seriesKey(d) === key)!);
    const n = (named.get(name) ?? 0) + 1;
    named.set(name, n);
    legendName.set(key, n === 1 ? name : `${name} (${n})`);
  }
  const values = data.map((d) => ({
    row_id: d.row_id,
    series: legendName.get(seriesKey(d)) ?? seriesName(d),
    result: seriesKey(d),
    coloured: legendName.has(seriesKey(d)),
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
  const shown = values.filter((v) => v.coloured);
  const others = values.filter((v) => !v.coloured);
  const names = domainOf(shown.map((v) => v.series));
  const series = { field: 'series', type: 'nominal', title: 'Sample [source]' } as const;
  const yDomain = fromZero(values.map((v) => v.capacity as number));
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
      scale: { domain: yDomain, nice: true },
      axis: { title: axisTitle('Specific capacity', 'mAh g⁻¹', unitStyle), tickCount: 5 },
    },
  } as const;
  // One line per rate series even when a paper tests the same sample twice.
  const line = { detail: { field: 'result' }, order: { field: 'current' } };
  // The series past the coloured ones: thin grey lines, or counts per cell when they are too many to draw.
  const background =
    others.length === 0
      ? []
      : data.length > DENSE_LIMIT
        ? [
            densityLayer(
              others.map((v) => ({ x: v.current, y: v.capacity as number })),
              { field: 'current', domain: x.domain, log: true },
              { field: 'capacity', domain: yDomain, log: false },
              position,
            ),
          ]
        : [
            {
              data: { values: others },
              mark: { type: 'line', color: '#b0b0b0', strokeWidth: 0.5, aria: false },
              encoding: { ...position, ...line },
            },
          ];
  return {
    ...frame(preset),
    description: 'Specific capacity against specific current, one line per half-cell rate series.',
    layer: [
      ...background,
      {
        data: { values: shown },
        layer: [
          {
            mark: { type: 'line', aria: false },
            encoding: { ...position, color: { ...series, scale: { domain: names, range: PALETTE } }, ...line },
          },
          {
            name: DATA_MARKS,
            mark: { type: 'point', filled: true, aria: links },
            encoding: {
              ...position,
              color: { ...series, scale: { domain: names, range: PALETTE } },
              shape: { ...series, scale: { domain: names, range: SHAPES } },
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
      },
    ],
  } as TopLevelSpec;
}

export const rateCapability: FigureDefinition = {
  id: 'rate-capability',
  title: 'Rate capability',
  summary: 'Specific capacity against specific current, one line per half-cell rate series.',
  isCandidate: (row) => row.kind === 'rate',
  // The series in the order they earn a colour, each series' steps together.
  rank(data) {
    const place = new Map(rankedSeries(data).map((key, i) => [key, i]));
    const at = (d: PlotDatum) => place.get(seriesKey(d)) ?? 0;
    return [...data].sort((a, b) => at(a) - at(b) || Number(a.step) - Number(b.step));
  },
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
  describe(data, { preset }) {
    const series = new Set(data.map(seriesKey)).size;
    const rest = series - maxSeries(preset);
    const bounded =
      rest > 0
        ? ` The ${maxSeries(preset)} series in colour are those with a step on the Pareto front (no other step keeps a higher capacity at as high a current), then those reaching the highest currents; the other ${rest} are drawn ${data.length > DENSE_LIMIT ? 'as the number of steps per cell (grey scale)' : 'as thin grey lines'}.`
        : '';
    return `Specific capacity (mAh g⁻¹) at each step of ${series} half-cell rate series against the specific current (A g⁻¹, log axis); the legend names each sample with its source number.${bounded}`;
  },
};
