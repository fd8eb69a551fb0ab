/**
 * The look every figure shares: one typeface, the Okabe–Ito colour-blind-safe palette, shapes that still separate
 * categories in greyscale, black axes without grid, and axis titles with units in proper typography. Sizes come from
 * the journal preset (1 unit = 1 pt).
 */
import type { Config } from 'vega-lite';
import type { Row } from '../pipeline/dataset.ts';
import { MATERIAL_CLASSES } from '../schema/vocabulary.ts';
import { ANCHORS, type Anchor } from './labels.ts';
import { ptFromMm, type Preset, type UnitStyle } from './presets.ts';

export const FONT_FAMILY = 'DejaVu Sans';

/** Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour-vision deficiency. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000'];

/**
 * The name of every figure's layer of data marks (one per plotted point or bar): Vega gives its SVG group the class
 * `<name>_marks`, which is how tests and readers of the SVG find the data among guides and labels.
 */
export const DATA_MARKS = 'points';

/** Marker shapes in the order categories receive them. */
export const SHAPES = ['circle', 'square', 'triangle-up', 'diamond', 'cross', 'triangle-down', 'triangle-right'];

/** "Specific capacity (mAh g⁻¹)" or, RSC style, "Specific capacity / mAh g⁻¹". */
export function axisTitle(quantity: string, unit: string | undefined, style: UnitStyle): string {
  if (!unit) return quantity;
  return style === 'solidus' ? `${quantity} / ${unit}` : `${quantity} (${unit})`;
}

export function themeConfig(preset: Preset): Config {
  const text = { font: FONT_FAMILY, color: '#000000' };
  // A single column has no width to spare beside the plot: legends go below it, stacked.
  const legendPlacement =
    preset.column === 'single'
      ? ({
          orient: 'bottom',
          direction: 'vertical',
          // Vega's legend layout: Vega-Lite passes it through, though its config types leave it out.
          layout: { bottom: { direction: 'vertical', anchor: 'start' } } as unknown as undefined,
        } as const)
      : ({ orient: 'right' } as const);
  return {
    font: FONT_FAMILY,
    background: '#ffffff',
    padding: 2,
    view: { stroke: null },
    axis: {
      grid: false,
      domainColor: '#000000',
      domainWidth: 0.75,
      tickColor: '#000000',
      tickWidth: 0.75,
      tickSize: 3,
      labelFont: text.font,
      labelColor: text.color,
      labelFontSize: preset.textPt,
      labelPadding: 2,
      titleFont: text.font,
      titleColor: text.color,
      titleFontSize: preset.textPt,
      titleFontWeight: 'normal',
      titlePadding: 4,
    },
    legend: {
      ...legendPlacement,
      labelFont: text.font,
      labelColor: text.color,
      labelFontSize: preset.textPt,
      titleFont: text.font,
      titleColor: text.color,
      titleFontSize: preset.textPt,
      titleFontWeight: 'bold',
      symbolSize: 30,
      symbolStrokeWidth: 1,
      rowPadding: 2,
      titlePadding: 3,
      padding: 0,
      offset: 6,
    },
    text: { font: text.font, fontSize: preset.smallPt, color: text.color },
    point: { size: 30, strokeWidth: 1, opacity: 1 },
    line: { strokeWidth: 1 },
    range: { category: PALETTE },
    title: { font: text.font, fontSize: preset.textPt, color: text.color },
  };
}

/** A plot frame of the preset's exact size: with autosize "fit" the whole view, axes and legends included, is
 * widthMm × heightMm, so the exported page is the journal's column width. */
export function frame(preset: Preset) {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: ptFromMm(preset.widthMm),
    height: ptFromMm(preset.heightMm),
    autosize: { type: 'fit', contains: 'padding' },
    config: themeConfig(preset),
  } as const;
}

const CLASS_LABELS: Record<string, string> = {
  'medium-entropy-alloy': 'medium-entropy alloy',
  'high-entropy-alloy': 'high-entropy alloy',
  'liquid-alkali-alloy': 'liquid alkali alloy',
  'quasi-liquid-alkali-alloy': 'quasi-liquid alkali alloy',
  'high-entropy-oxide': 'high-entropy oxide',
  'high-entropy-other': 'high-entropy, other',
  'prussian-blue-analogue': 'Prussian blue analogue',
  'layered-oxide': 'layered oxide',
  'liquid-electrolyte': 'liquid electrolyte',
  'solid-electrolyte': 'solid electrolyte',
};

/** Material class as a legend reads it: "quasi-liquid alkali alloy". */
export const classLabel = (materialClass: string): string => CLASS_LABELS[materialClass] ?? materialClass;

/** A number for a label, as many digits as it has (up to 4 significant), without trailing zeros. */
export const shortNumber = (value: number): string => String(Number(value.toPrecision(4)));

/** The smallest and largest of the values, by a loop: spreading a large array into Math.min overflows the stack. */
export function extent(values: Iterable<number>): [number, number] {
  let [low, high] = [Infinity, -Infinity];
  for (const v of values) {
    if (v < low) low = v;
    if (v > high) high = v;
  }
  return [low, high];
}

/** A linear domain from zero to the largest value (at least 1), for capacities. */
export const fromZero = (values: Iterable<number>): [number, number] => [0, Math.max(1, extent(values)[1])];

/**
 * A log-scale domain of whole decades around the values, with room for labels: up to `headroom` × the largest and
 * down to the smallest ÷ `below`. Returns the domain and a tick per decade.
 */
export function decades(
  values: readonly number[],
  headroom = 1,
  below = 1,
): { domain: [number, number]; ticks: number[] } {
  const positive = values.filter((v) => v > 0);
  if (positive.length === 0) return { domain: [1, 10], ticks: [1, 10] };
  const [min, max] = extent(positive);
  const low = 10 ** Math.floor(Math.log10(min / below));
  const high = Math.max(10 ** Math.ceil(Math.log10(max * headroom)), low * 10);
  const ticks: number[] = [];
  for (let t = low; t <= high * 1.0001; t *= 10) ticks.push(Number(t.toPrecision(1)));
  return { domain: [low, high], ticks };
}

/**
 * Colour by material class, the same on every figure and every filtered view: each class keeps the palette colour of
 * its place in the schema's class list, and the legend lists only the classes plotted.
 */
export function classColour(classLabels: readonly string[]) {
  const domain = domainOf(classLabels);
  const colourOf = (label: string) =>
    PALETTE[
      Math.max(
        0,
        MATERIAL_CLASSES.findIndex((c) => classLabel(c) === label),
      ) % PALETTE.length
    ]!;
  return {
    field: 'material_class',
    type: 'nominal',
    title: 'Material class',
    scale: { domain, range: domain.map(colourOf) },
  } as const;
}

/**
 * A layer that punches a white centre into the marks of control samples, so they read as open symbols and the new
 * materials stand out (empty when no control is plotted). `encoding` must carry the marks' tooltip and link too: the
 * hole lies on top and takes the pointer.
 */
export function controlHoles(values: readonly { control: boolean }[], encoding: object, shape: object, size: number) {
  if (!values.some((v) => v.control)) return [];
  return [
    {
      transform: [{ filter: 'datum.control' }],
      // Hidden from screen readers: the mark below already describes the point.
      mark: { type: 'point', filled: true, color: '#ffffff', size, aria: false },
      encoding: { ...encoding, shape },
    },
  ];
}

/**
 * Text layers that print each datum's `label` on the side of its mark that the label placement chose (one layer per
 * side in use); data without a placed label get none.
 */
export function labelLayers(
  values: readonly { row_id: unknown }[],
  labels: ReadonlyMap<string, Anchor>,
  position: object,
  fontSize: number,
  gap: number,
) {
  const used = ANCHORS.filter((anchor) => values.some((v) => labels.get(String(v.row_id)) === anchor));
  const layout: Record<Anchor, object> = {
    right: { align: 'left', baseline: 'middle', dx: gap },
    left: { align: 'right', baseline: 'middle', dx: -gap },
    top: { align: 'center', baseline: 'bottom', dy: -gap },
    bottom: { align: 'center', baseline: 'top', dy: gap },
  };
  return used.map((anchor) => ({
    data: { values: values.filter((v) => labels.get(String(v.row_id)) === anchor) },
    mark: { type: 'text', ...layout[anchor], fontSize, aria: false },
    encoding: { ...position, text: { field: 'label' } },
  }));
}

/** Cells per axis of the density drawing of dense figures. */
const DENSITY_CELLS = { x: 40, y: 24 };

/**
 * The density layer of a dense scatter figure: the points off the front counted per cell of a regular grid over the
 * plot (in log units on a log axis), drawn as grey cells, darker for more results, with a gradient legend.
 */
export function densityLayer(
  points: readonly { x: number; y: number }[],
  x: { field: string; domain: readonly [number, number]; log: boolean },
  y: { field: string; domain: readonly [number, number]; log: boolean },
  position: { x: object; y: object },
) {
  const scale = (axis: typeof x) => {
    const t = (v: number) => (axis.log ? Math.log10(v) : v);
    const [low, high] = [t(axis.domain[0]), t(axis.domain[1])];
    return { t, low, step: (high - low) / (axis === x ? DENSITY_CELLS.x : DENSITY_CELLS.y) };
  };
  const [sx, sy] = [scale(x), scale(y)];
  const edge = (s: ReturnType<typeof scale>, axis: typeof x, i: number) => {
    const v = s.low + i * s.step;
    return axis.log ? 10 ** v : v;
  };
  const counts = new Map<string, number>();
  for (const p of points) {
    const i = Math.min(Math.floor((sx.t(p.x) - sx.low) / sx.step), DENSITY_CELLS.x - 1);
    const j = Math.min(Math.floor((sy.t(p.y) - sy.low) / sy.step), DENSITY_CELLS.y - 1);
    const key = `${i},${j}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const cells = [...counts].map(([key, count]) => {
    const [i, j] = key.split(',').map(Number) as [number, number];
    return {
      [x.field]: edge(sx, x, i),
      [`${x.field}_end`]: edge(sx, x, i + 1),
      [y.field]: edge(sy, y, j),
      [`${y.field}_end`]: edge(sy, y, j + 1),
      count,
    };
  });
  const max = Math.max(2, extent(counts.values())[1]);
  return {
    data: { values: cells },
    mark: { type: 'rect', aria: false },
    encoding: {
      ...position,
      x2: { field: `${x.field}_end` },
      y2: { field: `${y.field}_end` },
      fill: {
        field: 'count',
        type: 'quantitative',
        title: 'Results per cell',
        scale: { domain: [1, max], range: ['#e8e8e8', '#404040'] },
        // Swatches rather than a gradient: every output format draws them the same.
        legend: { type: 'symbol', symbolType: 'square', direction: 'horizontal', tickCount: 4, format: 'd' },
      },
    },
  };
}

/** An explicit category domain: the values in use, sorted, so a probe without data lays out the same legend. */
export const domainOf = (values: readonly unknown[]): string[] => [...new Set(values.map(String))].sort();

/** The longest quote a tooltip shows; the full quotes are on the paper page and in the data. */
const TOOLTIP_QUOTE_LENGTH = 240;

/** Tooltip fields every figure shares: conditions and the paper's own words, after the figure's values. */
export function sharedTooltip(row: Row) {
  const quote = String(row.quote ?? '').split(' | ')[0] ?? '';
  return {
    electrolyte: row.electrolyte ?? 'not printed',
    where: row.locator,
    quote: quote.length > TOOLTIP_QUOTE_LENGTH ? `“${quote.slice(0, TOOLTIP_QUOTE_LENGTH)}…”` : `“${quote}”`,
  };
}

export const SHARED_TOOLTIP_FIELDS = [
  { field: 'electrolyte', title: 'Electrolyte' },
  { field: 'where', title: 'Where in the paper' },
  { field: 'quote', title: 'Quote' },
] as const;
