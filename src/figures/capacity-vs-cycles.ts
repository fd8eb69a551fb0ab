/**
 * Figure 1, capacity vs cycle life: reversible specific capacity after N cycles, one mark per half-cell cycling
 * result. Colour = material class, shape = working ion (separable in greyscale), and each label carries the source
 * number and the specific current, because capacities at 0.1 and 1 A g⁻¹ are not comparable.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Row } from '../pipeline/dataset.ts';
import { halfCellCapacityProblem } from './half-cell.ts';
import type { FigureDefinition, PlotDatum, SpecContext } from './figure.ts';
import {
  axisTitle,
  classColour,
  classLabel,
  controlHoles,
  frame,
  labelLayers,
  placeLabels,
  SHAPES,
  shortNumber,
  sharedTooltip,
  SHARED_TOOLTIP_FIELDS,
} from './theme.ts';

const A_PER_G = 'A g⁻¹';

/** Shape by working ion. */
const ionShape = { field: 'ion', type: 'nominal', title: 'Ion', scale: { range: SHAPES } } as const;

function exclusionReason(row: Row): string | undefined {
  if (row.kind === 'qualitative') return 'result given in words only';
  const problem = halfCellCapacityProblem(row, 'no capacity after cycling printed');
  if (problem) return problem;
  if (typeof row.cycles !== 'number') return 'no cycle number printed';
  return undefined;
}

function spec(data: PlotDatum[], { preset, unitStyle, links, flipped }: SpecContext): TopLevelSpec {
  const rows = data.map((d) => ({
    row_id: d.row_id,
    cycles: d.cycles,
    capacity: d.capacity_mAh_g,
    ion: d.ion,
    material_class: classLabel(String(d.material_class)),
    control: d.control === true,
    label: d.label,
    href: d.href,
    sample: d.sample_name,
    source: `[${d.source}] ${String(d.citation)}`,
    ...sharedTooltip(d),
    current: d.current_mA_g_reported,
    cycles_printed: d.cycles_qualifier ? `${String(d.cycles_qualifier)} ${String(d.cycles)}` : d.cycles,
    capacity_printed: d.capacity_mAh_g_reported,
    basis: d.capacity_basis ?? 'not recorded',
  }));
  const { values, x } = placeLabels(
    rows,
    (r) => r.cycles as number,
    (r) => r.capacity as number,
    false,
    flipped,
  );
  const position = {
    x: {
      field: 'cycles',
      type: 'quantitative',
      scale: { type: 'log', domain: x.domain },
      axis: { values: x.ticks, format: ',', title: 'Cycle number' },
    },
    y: {
      field: 'capacity',
      type: 'quantitative',
      scale: { zero: true, nice: true },
      axis: { title: axisTitle('Specific capacity', 'mAh g⁻¹', unitStyle), tickCount: 5 },
    },
  } as const;
  // Tooltip and link, on every layer a pointer can land on (the control holes too).
  const interaction = {
    tooltip: [
      { field: 'sample', title: 'Sample' },
      { field: 'source', title: 'Source' },
      { field: 'capacity_printed', title: 'Capacity (printed)' },
      { field: 'cycles_printed', title: 'Cycles' },
      { field: 'current', title: 'Current (printed)' },
      { field: 'basis', title: 'Capacity basis' },
      ...SHARED_TOOLTIP_FIELDS,
    ],
    ...(links ? { href: { field: 'href' } } : {}),
  };
  return {
    ...frame(preset),
    description: 'Reversible specific capacity against cycle number, one mark per half-cell cycling result.',
    data: { values },
    layer: [
      {
        mark: { type: 'point', filled: true },
        encoding: {
          ...position,
          color: classColour,
          shape: ionShape,
          ...interaction,
        },
      },
      ...controlHoles(values, { ...position, ...interaction }, ionShape, 8),
      ...labelLayers(values, position, preset.smallPt, 5),
    ],
  } as TopLevelSpec;
}

export const capacityVsCycles: FigureDefinition = {
  id: 'capacity-vs-cycles',
  title: 'Capacity vs cycle life',
  summary: 'Reversible specific capacity after N cycles, one mark per half-cell cycling result.',
  isCandidate: (row) =>
    row.kind === 'cycling' ||
    row.kind === 'full-cell' ||
    (row.kind === 'qualitative' && (row.cell === 'half' || row.cell === 'full')),
  exclusionReason,
  range: { column: 'current_mA_g', label: 'Specific current', unit: 'mA g⁻¹' },
  label: (row, source) => `[${source}] ${shortNumber((row.current_mA_g as number) / 1000)} ${A_PER_G}`,
  columns: [
    { column: 'ion', label: 'Ion' },
    { column: 'material_class', label: 'Material class' },
    { column: 'cycles', label: 'Cycles' },
    { column: 'cycles_qualifier', label: 'Qualifier' },
    { column: 'capacity_mAh_g', label: 'Capacity (mAh g⁻¹)' },
    { column: 'capacity_mAh_g_reported', label: 'Capacity as printed' },
    { column: 'current_mA_g', label: 'Current (mA g⁻¹)' },
    { column: 'current_mA_g_reported', label: 'Current as printed' },
    { column: 'current_mA_g_origin', label: 'Current origin' },
    { column: 'capacity_basis', label: 'Capacity basis' },
  ],
  spec,
  describe(data) {
    const unstated = data.filter((d) => d.capacity_basis === 'not stated' || d.capacity_basis === null).length;
    const basis =
      unstated > 0
        ? ` The capacity basis (active material, composite or electrode) is not stated for ${unstated} of ${data.length}.`
        : '';
    return `Specific capacity (mAh g⁻¹) after the given number of cycles, cycle number on a log axis; colour gives the material class (open marks: control samples), shape the working ion, and each label the source and the specific current (A g⁻¹).${basis}`;
  },
};
