/**
 * The look every figure shares: one typeface, the Okabe–Ito colour-blind-safe palette, shapes that still separate
 * categories in greyscale, black axes without grid, and axis titles with units in proper typography. Sizes come from
 * the journal preset (1 unit = 1 pt).
 */
import type { Config } from 'vega-lite';
import type { Row } from '../pipeline/dataset.ts';
import { ptFromMm, type Preset, type UnitStyle } from './presets.ts';

export const FONT_FAMILY = 'DejaVu Sans';

/** Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour-vision deficiency. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000'];

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
  const low = 10 ** Math.floor(Math.log10(Math.min(...positive) / below));
  const high = Math.max(10 ** Math.ceil(Math.log10(Math.max(...positive) * headroom)), low * 10);
  const ticks: number[] = [];
  for (let t = low; t <= high * 1.0001; t *= 10) ticks.push(Number(t.toPrecision(1)));
  return { domain: [low, high], ticks };
}

/** Colour by material class, the same way on every figure that shows classes. */
export const classColour = {
  field: 'material_class',
  type: 'nominal',
  title: 'Material class',
  scale: { range: PALETTE },
} as const;

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
 * Which side of its mark each label goes: right, unless the mark sits at the same x as, and within `near` (as a
 * fraction of the y range, on the y scale's own terms) of, a mark whose label already went right; then left. Keeps
 * labels of coincident results (e.g. two cells at the same current density) from printing over each other. Points
 * whose id is in `flipped` (labels the layout check found overlapping, see render.ts) take the other side.
 */
export function labelSides(
  points: readonly { id: unknown; x: number; y: number }[],
  log: boolean,
  flipped: ReadonlySet<string>,
  near = 0.04,
): ('left' | 'right')[] {
  const t = (v: number): number => (log ? Math.log10(v) : v);
  const ys = points.map((p) => t(p.y));
  const span = Math.max(...ys) - Math.min(...ys) || 1;
  const sides: ('left' | 'right')[] = points.map(() => 'right');
  // The last right-hand label seen at each x, walking up the y axis.
  const lastRight = new Map<number, number>();
  const order = points.map((_, i) => i).sort((a, b) => (ys[a] ?? 0) - (ys[b] ?? 0));
  for (const i of order) {
    const x = points[i]?.x ?? NaN;
    const last = lastRight.get(x);
    if (last !== undefined && Math.abs((ys[i] ?? 0) - (ys[last] ?? 0)) < near * span) sides[i] = 'left';
    else lastRight.set(x, i);
  }
  return sides.map((side, i) => (flipped.has(String(points[i]?.id)) ? (side === 'left' ? 'right' : 'left') : side));
}

/**
 * Label sides for the values (see labelSides) and the log x domain that leaves room for them: 3× the largest x to
 * the right, and a decade more below when a label had to go left.
 */
export function placeLabels<T extends { row_id: unknown }>(
  rows: readonly T[],
  xOf: (row: T) => number,
  yOf: (row: T) => number,
  logY: boolean,
  flipped: ReadonlySet<string>,
) {
  const sides = labelSides(
    rows.map((r) => ({ id: r.row_id, x: xOf(r), y: yOf(r) })),
    logY,
    flipped,
  );
  return {
    values: rows.map((r, i) => ({ ...r, labelSide: sides[i] })),
    x: decades(rows.map(xOf), 3, sides.includes('left') ? 10 : 1),
  };
}

/** Text layers that print each datum's `label` on the side `labelSide` names (one layer per side in use). */
export function labelLayers(
  values: readonly { labelSide: string | undefined }[],
  position: object,
  fontSize: number,
  gap: number,
) {
  const used = (['right', 'left'] as const).filter((side) => values.some((v) => v.labelSide === side));
  return used.map((side) => ({
    transform: [{ filter: `datum.labelSide === '${side}'` }],
    mark: {
      type: 'text',
      align: side === 'right' ? 'left' : 'right',
      baseline: 'middle',
      dx: side === 'right' ? gap : -gap,
      fontSize,
    },
    encoding: { ...position, text: { field: 'label' } },
  }));
}

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
