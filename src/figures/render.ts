/**
 * Build-time rendering: Vega-Lite → Vega → scenegraph → SVG, with text measured from the shipped font files
 * (fonts.ts) instead of Vega's character-width estimate, so label placement, autosize and the layout check all use
 * the widths the PDF and PNG will really have.
 */
import { compile, type TopLevelSpec } from 'vega-lite';
import * as vega from 'vega';
import type { PaperEntry, Row } from '../pipeline/dataset.ts';
import { buildFigure, type BuildOptions, type BuiltFigure, type FigureDefinition } from './figure.ts';
import { measureText, weightOf } from './fonts.ts';
import { checkLayout, type LayoutProblem } from './layout-check.ts';
import { geometryOf, placeFor, probeGeometry, sameArea, type PlotGeometry } from './placement.ts';

interface TextItem {
  text?: unknown;
  fontSize?: number;
  fontWeight?: string | number;
}

// Vega reads textMetrics.width for every text measurement; a user-defined function is the supported override
// (vl-convert does the same). Multi-line text arrives line by line.
(vega as unknown as { textMetrics: { width: (item: TextItem, text?: unknown) => number } }).textMetrics.width = (
  item: TextItem,
  text?: unknown,
) => measureText(String(text ?? item.text ?? ''), item.fontSize ?? 11, weightOf(item.fontWeight));

export interface CompiledFigure {
  /** The Vega spec Vega-Lite compiled, for the interactive view. */
  vegaSpec: vega.Spec;
  /** Anything Vega-Lite warned about while compiling; figures must compile without any. */
  warnings: string[];
}

export function compileFigure(spec: TopLevelSpec): CompiledFigure {
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    error: (...args: unknown[]) => {
      throw new Error(args.map(String).join(' '));
    },
    warn: (...args: unknown[]) => (warnings.push(args.map(String).join(' ')), logger),
    info: () => logger,
    debug: () => logger,
  };
  const { spec: vegaSpec } = compile(spec, { logger: logger as never });
  return { vegaSpec, warnings };
}

export interface RenderedFigure extends CompiledFigure {
  svg: string;
  /** The plot area and x/y scales as laid out, for figures with x and y scales. */
  geometry: PlotGeometry | undefined;
  /** The rendered scenegraph, for the layout check, and where its origin sits on the page (the view padding). */
  scene: unknown;
  origin: [number, number];
  widthPt: number;
  heightPt: number;
}

export async function renderFigure(spec: TopLevelSpec): Promise<RenderedFigure> {
  const compiled = compileFigure(spec);
  const view = new vega.View(vega.parse(compiled.vegaSpec), { renderer: 'none', logLevel: vega.Warn });
  await view.runAsync();
  const svg = await view.toSVG();
  const scene = (view.scenegraph() as unknown as { root: unknown }).root;
  const origin = view.origin();
  const geometry = view.scale('x') && view.scale('y') ? geometryOf(view) : undefined;
  const widthPt = Number(/width="([\d.]+)"/.exec(svg)?.[1]);
  const heightPt = Number(/height="([\d.]+)"/.exec(svg)?.[1]);
  view.finalize();
  return { ...compiled, svg, geometry, scene, origin, widthPt, heightPt };
}

export interface PrintLayout {
  figure: BuiltFigure;
  rendered: RenderedFigure;
  problems: LayoutProblem[];
}

/**
 * Builds a figure for a preset with its point labels placed where they fit (placement.ts, measured with the shipped
 * font), renders it, and checks the page. Problems are returned for the caller to refuse: with labels placed clear of
 * each other, any overlap left is a real fault of the layout.
 */
export async function layoutFigure(
  definition: FigureDefinition,
  rows: readonly Row[],
  papers: readonly PaperEntry[],
  options: BuildOptions,
): Promise<PrintLayout> {
  const measure = (text: string, size: number) => measureText(text, size);
  let figure = buildFigure(definition, rows, papers, options);
  const placedFor = definition.points && figure.data.length > 0 ? await probeGeometry(figure.spec) : undefined;
  if (placedFor) figure = placeFor(figure, placedFor, measure);
  let rendered = await renderFigure(figure.spec);
  // A mark at an edge that the probe did not hold can shift the plot area: then place again for the real one.
  if (placedFor && rendered.geometry && !sameArea(placedFor, rendered.geometry)) {
    figure = placeFor(figure, rendered.geometry, measure);
    rendered = await renderFigure(figure.spec);
  }
  return { figure, rendered, problems: checkLayout(rendered, figure.preset) };
}
