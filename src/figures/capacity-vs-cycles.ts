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
  decades,
  densityLayer,
  domainOf,
  frame,
  fromZero,
  labelLayers,
  SHAPES,
  shortNumber,
  sharedTooltip,
  SHARED_TOOLTIP_FIELDS,
  DATA_MARKS,
} from './theme.ts';

const A_PER_G = 'A g⁻¹';

function exclusionReason(row: Row): string | undefined {
  if (row.kind === 'qualitative') return 'result given in words only';
  const problem = halfCellCapacityProblem(row, 'no capacity after cycling printed');
  if (problem) return problem;
  if (typeof row.cycles !== 'number') return 'no cycle number printed';
  return undefined;
}

/** Point area (pt²) of the marks, and the distance from a mark's centre to its label (pt). */
const POINT_SIZE = 30;
const LABEL_GAP = 5;

function spec(data: PlotDatum[], { preset, unitStyle, links, labels, dense }: SpecContext): TopLevelSpec {
  // Dense: the points off the front become a density layer; only the front is drawn one mark per point.
  const marks = (dense ? data.filter((d) => d.front) : data).map((d) => ({
    row_id: d.row_id,
    cycles: d.cycles,
    capacity: d.capacity_mAh_g,
    ion: d.ion,
    material_class: classLabel(String(d.material_class)),
    control: d.control === true,
    front: d.front,
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
  const x = decades(
    data.map((d) => d.cycles as number),
    3,
  );
  const yDomain = fromZero(data.map((d) => d.capacity_mAh_g as number));
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
      scale: { domain: yDomain, nice: true },
      axis: { title: axisTitle('Specific capacity', 'mAh g⁻¹', unitStyle), tickCount: 5 },
    },
  } as const;
  // Shape by working ion.
  const shape = {
    field: 'ion',
    type: 'nominal',
    title: 'Ion',
    scale: { domain: domainOf(marks.map((m) => m.ion)), range: SHAPES },
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
  const density = dense
    ? [
        densityLayer(
          data.filter((d) => !d.front).map((d) => ({ x: d.cycles as number, y: d.capacity_mAh_g as number })),
          { field: 'cycles', domain: x.domain, log: true },
          { field: 'capacity', domain: yDomain, log: false },
          position,
        ),
      ]
    : [];
  return {
    ...frame(preset),
    description: 'Reversible specific capacity against cycle number, one mark per half-cell cycling result.',
    data: { values: marks },
    layer: [
      ...density,
      {
        name: DATA_MARKS,
        // Described one by one only in the interactive view; the static page's data table describes them there.
        mark: { type: 'point', filled: true, size: POINT_SIZE, aria: links },
        encoding: {
          ...position,
          color: classColour(marks.map((m) => m.material_class)),
          shape,
          ...interaction,
        },
      },
      ...controlHoles(marks, { ...position, ...interaction }, shape, 8),
      ...labelLayers(marks, labels, position, preset.smallPt, LABEL_GAP),
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
  points: {
    x: (d) => d.cycles as number,
    y: (d) => d.capacity_mAh_g as number,
    radius: () => Math.sqrt(POINT_SIZE / Math.PI) + 0.5,
    gap: LABEL_GAP,
    front: 'no other result keeps a higher capacity for as many cycles',
  },
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
