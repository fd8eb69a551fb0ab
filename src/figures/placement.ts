/**
 * Labels for a scatter figure, placed where they fit. The figure is first laid out as a probe with only its extreme
 * data (every scale domain and legend is explicit, so the plot area depends only on the marks that could stick out
 * at the edges); each drawn point is mapped to plot coordinates with Vega's own scales, and labels.ts places the
 * labels by priority. Runs at build time and in the browser; the caller supplies the text measure (the shipped
 * font's metrics at build time).
 */
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { PaperEntry, Row } from '../pipeline/dataset.ts';
import { buildFigure, relabel, type BuildOptions, type BuiltFigure, type FigureDefinition } from './figure.ts';
import { placeLabels, type LabelStyle } from './labels.ts';

export interface PlotGeometry {
  width: number;
  height: number;
  x: (value: number) => number;
  y: (value: number) => number;
}

/** The plot area's size and the x and y scales of a laid-out view (autosize fit). */
export function geometryOf(view: View): PlotGeometry {
  return {
    width: Number(view.signal('width')),
    height: Number(view.signal('height')),
    x: view.scale('x') as (value: number) => number,
    y: view.scale('y') as (value: number) => number,
  };
}

export const sameArea = (a: PlotGeometry, b: PlotGeometry): boolean =>
  Math.abs(a.width - b.width) < 0.01 && Math.abs(a.height - b.height) < 0.01;

/** Of each inline data set, the rows holding the smallest or largest value of some number: what reaches an edge. */
function extremesOnly(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(extremesOnly);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === 'values' && Array.isArray(value) ? extremeRows(value as Record<string, unknown>[]) : extremesOnly(value),
    ]),
  );
}

function extremeRows(rows: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const keep = new Set<number>();
  const fields = new Set(rows.flatMap((r) => Object.keys(r).filter((k) => typeof r[k] === 'number')));
  for (const field of fields) {
    let [low, high] = [-1, -1];
    rows.forEach((r, i) => {
      const v = r[field];
      if (typeof v !== 'number') return;
      if (low < 0 || v < (rows[low]![field] as number)) low = i;
      if (high < 0 || v > (rows[high]![field] as number)) high = i;
    });
    keep.add(low).add(high);
  }
  return [...keep].filter((i) => i >= 0).map((i) => rows[i]!);
}

/** The geometry of the figure laid out with its extreme data only: cheap, and the same plot area in nearly all cases. */
export async function probeGeometry(spec: TopLevelSpec): Promise<PlotGeometry> {
  const view = new View(parse(compile(extremesOnly(spec) as TopLevelSpec).spec), { renderer: 'none' });
  await view.runAsync();
  const geometry = geometryOf(view);
  view.finalize();
  return geometry;
}

/** The figure with its labels placed for `geometry` (scatter figures; others come back as they are). */
export function placeFor(figure: BuiltFigure, geometry: PlotGeometry, measure: LabelStyle['measure']): BuiltFigure {
  const points = figure.definition.points;
  if (!points) return figure;
  // Dense figures draw only the front as marks; the other points have no mark to label.
  const drawn = figure.dense ? figure.ranked.filter((d) => d.front) : figure.ranked;
  const candidates = drawn.map((d) => ({
    id: String(d.row_id),
    x: geometry.x(points.x(d)),
    y: geometry.y(points.y(d)),
    radius: points.radius(d),
    text: d.label,
  }));
  const style = { fontSize: figure.preset.smallPt, gap: points.gap, measure };
  return relabel(figure, placeLabels(candidates, geometry.width, geometry.height, style));
}

/** `buildFigure`, with the point labels that fit placed for the probe's geometry. */
export async function placedFigure(
  definition: FigureDefinition,
  rows: readonly Row[],
  papers: readonly PaperEntry[],
  options: BuildOptions,
  measure: LabelStyle['measure'],
): Promise<BuiltFigure> {
  const figure = buildFigure(definition, rows, papers, options);
  if (!definition.points || figure.data.length === 0) return figure;
  return placeFor(figure, await probeGeometry(figure.spec), measure);
}
