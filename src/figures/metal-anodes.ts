/**
 * Figure 3, metal anodes: symmetric-cell lifetime (h) against current density (mA cm⁻²), both log axes. Shape gives
 * how the test ended (failure marked, not hidden), a ring marks samples their own paper reports as not working, and
 * each label gives the source and the areal capacity per half-cycle.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Row } from '../pipeline/dataset.ts';
import type { FigureDefinition, PlotDatum, SpecContext } from './figure.ts';
import {
  axisTitle,
  classColour,
  classLabel,
  controlHoles,
  decades,
  densityLayer,
  frame,
  labelLayers,
  shortNumber,
  sharedTooltip,
  SHARED_TOOLTIP_FIELDS,
  DATA_MARKS,
} from './theme.ts';

/** How a test ended, as the legend reads it; the order fixes the shapes. */
const OUTCOMES = [
  { failure: 'none', label: 'no failure by end of test', shape: 'circle' },
  { failure: 'short circuit', label: 'short circuit', shape: 'cross' },
  { failure: 'overpotential rise', label: 'overpotential rise', shape: 'triangle-up' },
  { failure: 'other', label: 'other failure', shape: 'diamond' },
  { failure: 'not stated', label: 'end not stated', shape: 'square' },
] as const;

const outcomeOf = (row: Row): string =>
  (OUTCOMES.find((o) => o.failure === row.failure) ?? OUTCOMES[OUTCOMES.length - 1])?.label ?? 'end not stated';

function exclusionReason(row: Row): string | undefined {
  if (row.kind === 'qualitative') return 'result given in words only';
  if (typeof row.current_density_mA_cm2 !== 'number') return 'no current density printed';
  if (typeof row.duration_h !== 'number') return 'no lifetime in hours or cycles printed';
  return undefined;
}

/** Point area (pt²) of the marks and of the ring round a negative finding, and the label's distance (pt). */
const POINT_SIZE = 40;
const RING_SIZE = 160;
const LABEL_GAP = 9;
const RING_LEGEND = 'ringed: negative finding in its paper';

function spec(data: PlotDatum[], { preset, unitStyle, links, labels, dense }: SpecContext): TopLevelSpec {
  const y = decades(data.map((d) => d.duration_h as number));
  // Dense: the points off the front become a density layer; only the front is drawn one mark per point.
  const marks = (dense ? data.filter((d) => d.front) : data).map((d) => ({
    row_id: d.row_id,
    current_density: d.current_density_mA_cm2,
    hours: d.duration_h,
    material_class: classLabel(String(d.material_class)),
    control: d.control === true,
    outcome: outcomeOf(d),
    negative: d.negative_finding === true,
    ring: RING_LEGEND,
    front: d.front,
    label: d.label,
    href: d.href,
    sample: d.sample_name,
    source: `[${d.source}] ${String(d.citation)}`,
    ...sharedTooltip(d),
    duration_printed: d.duration_h_reported,
    cycles_printed: d.cycles_reported ?? d.cycles_origin,
    areal_capacity: d.areal_capacity_mAh_cm2_reported ?? 'not printed',
  }));
  const x = decades(
    data.map((d) => d.current_density_mA_cm2 as number),
    3,
  );
  const position = {
    x: {
      field: 'current_density',
      type: 'quantitative',
      scale: { type: 'log', domain: x.domain },
      axis: { values: x.ticks, format: '~g', title: axisTitle('Current density', 'mA cm⁻²', unitStyle) },
    },
    y: {
      field: 'hours',
      type: 'quantitative',
      scale: { type: 'log', domain: y.domain },
      axis: { values: y.ticks, format: ',', title: axisTitle('Lifetime', 'h', unitStyle) },
    },
  } as const;
  const shown = OUTCOMES.filter((o) => marks.some((m) => m.outcome === o.label));
  const outcomeShape = {
    field: 'outcome',
    type: 'nominal',
    title: 'How the test ended',
    scale: { domain: shown.map((o) => o.label), range: shown.map((o) => o.shape) },
  } as const;
  // Tooltip and link, on every layer a pointer can land on (the control holes too).
  const interaction = {
    tooltip: [
      { field: 'sample', title: 'Sample' },
      { field: 'source', title: 'Source' },
      { field: 'duration_printed', title: 'Lifetime (printed)' },
      { field: 'cycles_printed', title: 'Cycles' },
      { field: 'areal_capacity', title: 'Areal capacity (printed)' },
      { field: 'outcome', title: 'End of test' },
      ...SHARED_TOOLTIP_FIELDS,
    ],
    ...(links ? { href: { field: 'href' } } : {}),
  };
  const density = dense
    ? [
        densityLayer(
          data
            .filter((d) => !d.front)
            .map((d) => ({ x: d.current_density_mA_cm2 as number, y: d.duration_h as number })),
          { field: 'current_density', domain: x.domain, log: true },
          { field: 'hours', domain: y.domain, log: true },
          position,
        ),
      ]
    : [];
  const rings = marks.some((m) => m.negative)
    ? [
        {
          transform: [{ filter: 'datum.negative' }],
          mark: {
            type: 'point',
            shape: 'circle',
            size: RING_SIZE,
            filled: false,
            stroke: '#000000',
            strokeWidth: 0.75,
            aria: false,
          },
          encoding: {
            ...position,
            opacity: {
              field: 'ring',
              type: 'ordinal',
              title: null,
              scale: { type: 'ordinal', domain: [RING_LEGEND], range: [1] },
              legend: {
                symbolFillColor: 'transparent',
                symbolStrokeColor: '#000000',
                symbolSize: 120,
                labelLimit: 0,
              },
            },
          },
        },
      ]
    : [];
  return {
    ...frame(preset),
    description: 'Symmetric-cell lifetime against current density, with how each test ended.',
    data: { values: marks },
    layer: [
      ...density,
      ...rings,
      {
        name: DATA_MARKS,
        mark: { type: 'point', filled: true, size: POINT_SIZE, aria: links },
        encoding: {
          ...position,
          color: classColour(marks.map((m) => m.material_class)),
          shape: outcomeShape,
          ...interaction,
        },
      },
      ...controlHoles(marks, { ...position, ...interaction }, outcomeShape, 10),
      ...labelLayers(marks, labels, position, preset.smallPt, LABEL_GAP),
    ],
  } as TopLevelSpec;
}

export const metalAnodes: FigureDefinition = {
  id: 'metal-anodes',
  title: 'Metal anodes',
  summary: 'Symmetric-cell lifetime against current density, with failures and negative results marked.',
  isCandidate: (row) => row.kind === 'symmetric' || (row.kind === 'qualitative' && row.cell === 'symmetric'),
  exclusionReason,
  range: { column: 'current_density_mA_cm2', label: 'Current density', unit: 'mA cm⁻²' },
  points: {
    x: (d) => d.current_density_mA_cm2 as number,
    y: (d) => d.duration_h as number,
    radius: (d) => Math.sqrt((d.negative_finding ? RING_SIZE : POINT_SIZE) / Math.PI) + 0.5,
    gap: LABEL_GAP,
    front: 'no other cell lasts longer at as high a current density',
  },
  label: (row, source) => {
    const areal = row.areal_capacity_mAh_cm2;
    return `[${source}] ${typeof areal === 'number' ? `${shortNumber(areal)} mAh cm⁻²` : 'mAh cm⁻² n.r.'}`;
  },
  columns: [
    { column: 'ion', label: 'Ion' },
    { column: 'material_class', label: 'Material class' },
    { column: 'current_density_mA_cm2', label: 'Current density (mA cm⁻²)' },
    { column: 'areal_capacity_mAh_cm2', label: 'Areal capacity (mAh cm⁻²)' },
    { column: 'duration_h', label: 'Lifetime (h)' },
    { column: 'duration_h_qualifier', label: 'Qualifier' },
    { column: 'duration_h_reported', label: 'Lifetime as printed' },
    { column: 'duration_h_origin', label: 'Lifetime origin' },
    { column: 'cycles', label: 'Cycles' },
    { column: 'failure', label: 'End of test' },
    { column: 'negative_finding', label: 'Negative finding in its paper' },
  ],
  spec,
  describe(data) {
    const bounds = data.filter((d) => d.duration_h_qualifier === '>' || d.duration_h_qualifier === '≥').length;
    const lower =
      bounds > 0
        ? ` ${bounds} of the lifetimes ${bounds === 1 ? 'is a lower bound' : 'are lower bounds'} (printed with > or ≥).`
        : '';
    return `Lifetime (h) of symmetric cells against current density (mA cm⁻²), log axes; colour gives the material class (open marks: control samples), shape how the test ended, a ring a sample its own paper reports a negative finding for, and each label the source and the areal capacity per half-cycle (n.r.: not reported).${lower}`;
  },
};
