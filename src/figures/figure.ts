/**
 * What every figure shares: the definition a chart module exports, filters, source numbering and `buildFigure`,
 * the pure function from data-set rows to a Vega-Lite spec, its plotted data, left-out results and caption. No Node
 * APIs here: the interactive page runs this same code in the browser.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { PaperEntry, Row } from '../pipeline/dataset.ts';
import { toCsv } from '../pipeline/dataset.ts';
import { paretoFront, type Anchor } from './labels.ts';
import type { Preset, UnitStyle } from './presets.ts';

/**
 * A plotted row: the data-set row plus its source number, point label, link to the paper page, whether the sample's
 * own paper reports a negative finding for it (a qualitative result with verdict negative; controls aside), and
 * whether it lies on the figure's Pareto front.
 */
export type PlotDatum = Row & {
  source: number;
  label: string;
  href: string;
  negative_finding: boolean;
  front: boolean;
};

/**
 * More plotted points than this and a scatter figure draws the points off its Pareto front as counts per cell
 * instead of one mark each: past it, single marks only hide each other, and the files grow with every point.
 */
export const DENSE_LIMIT = 1000;

/** How a scatter figure's points are positioned and drawn, for the Pareto front and the label placement. */
export interface ScatterPoints {
  /** The values on the x and y scales; larger is better on both (the front is the best y at each x). */
  x(datum: PlotDatum): number;
  y(datum: PlotDatum): number;
  /** Half the drawn mark's extent (pt): labels keep off it. */
  radius(datum: PlotDatum): number;
  /** Distance from a mark's centre to its label (pt). */
  gap: number;
  /** What the front means for this figure, for the caption. */
  front: string;
}

export interface Exclusion {
  row_id: string;
  paper_id: string;
  sample_name: string;
  reason: string;
  /** The result on its paper page. */
  href: string;
}

export interface TableColumn {
  column: string;
  label: string;
}

/** The numeric filter of a figure: a range on one column, in that column's unit. */
export interface RangeFilter {
  column: string;
  label: string;
  unit: string;
}

export interface SpecContext {
  preset: Preset;
  unitStyle: UnitStyle;
  /** Make marks link to the paper pages (site); exports for print leave links out. */
  links: boolean;
  /** The labels that fit, and the side of its mark each goes on (placement.ts); points not in it go unlabelled. */
  labels: ReadonlyMap<string, Anchor>;
  /** Draw the points off the front as counts per cell (see BuiltFigure.dense). */
  dense: boolean;
}

export interface FigureDefinition {
  id: string;
  title: string;
  /** One sentence for the figure index. */
  summary: string;
  /** The rows this figure is about; the others of these that it cannot plot are listed with a reason. */
  isCandidate(row: Row): boolean;
  /** Why a candidate row cannot be plotted, or undefined when it can. */
  exclusionReason(row: Row): string | undefined;
  range: RangeFilter;
  /** Present for scatter figures, whose points get a Pareto front and placed labels. */
  points?: ScatterPoints;
  /** Other figures: the plotted rows in the order the figure draws them first (else the data-set order). */
  rank?(data: readonly PlotDatum[]): PlotDatum[];
  /** The point label: what a reader must see beside each mark (source number, current…). */
  label(row: Row, source: number): string;
  /** Columns of the data table and the plotted-data CSV, after row_id, source, citation and sample. */
  columns: TableColumn[];
  spec(data: PlotDatum[], context: SpecContext): TopLevelSpec;
  /** Sentences for the caption that only this figure knows (what is plotted, encodings, caveats). */
  describe(data: PlotDatum[], context: SpecContext): string;
}

export const CATEGORY_FILTERS = [
  { key: 'ion', label: 'Ion' },
  { key: 'role', label: 'Role' },
  { key: 'material_class', label: 'Material class' },
] as const;

export type CategoryKey = (typeof CATEGORY_FILTERS)[number]['key'];

export interface Filters {
  /** Accepted values per category; an empty or absent list keeps every value. */
  categories: Partial<Record<CategoryKey, string[]>>;
  min?: number;
  max?: number;
}

export const NO_FILTERS: Filters = { categories: {} };

/** Filters from URL parameters (?ion=K&ion=Na&min=100&max=1000), the permalink format. */
export function filtersFromParams(params: URLSearchParams): Filters {
  const categories: Filters['categories'] = {};
  for (const { key } of CATEGORY_FILTERS) {
    const values = params.getAll(key).filter((v) => v !== '');
    if (values.length > 0) categories[key] = values;
  }
  const number = (name: string): number | undefined => {
    const text = params.get(name);
    if (text === null || text.trim() === '') return undefined;
    const value = Number(text);
    if (!Number.isFinite(value)) throw new Error(`${name}=${text} is not a number`);
    return value;
  };
  const filters: Filters = { categories };
  const min = number('min');
  const max = number('max');
  if (min !== undefined) filters.min = min;
  if (max !== undefined) filters.max = max;
  return filters;
}

export function filtersToParams(filters: Filters): URLSearchParams {
  const params = new URLSearchParams();
  for (const { key } of CATEGORY_FILTERS) for (const value of filters.categories[key] ?? []) params.append(key, value);
  if (filters.min !== undefined) params.set('min', String(filters.min));
  if (filters.max !== undefined) params.set('max', String(filters.max));
  return params;
}

function passes(row: Row, filters: Filters, range: RangeFilter): boolean {
  for (const { key } of CATEGORY_FILTERS) {
    const accepted = filters.categories[key];
    if (accepted && accepted.length > 0 && !accepted.includes(String(row[key]))) return false;
  }
  const value = row[range.column];
  // A range filter keeps only rows that state the value: a result without a current is not "≥ 150 mA g⁻¹".
  if (typeof value !== 'number') return filters.min === undefined && filters.max === undefined;
  if (filters.min !== undefined && value < filters.min) return false;
  if (filters.max !== undefined && value > filters.max) return false;
  return true;
}

/** Papers numbered in order of year, then citation: the same order as the exported reference list. */
function numberSources(rows: readonly Row[], papers: readonly PaperEntry[]): PaperEntry[] {
  const used = new Set(rows.map((r) => String(r.paper_id)));
  return papers
    .filter((p) => used.has(p.id))
    .sort((a, b) => a.year - b.year || a.citation.localeCompare(b.citation) || a.id.localeCompare(b.id));
}

function resultAnchor(row: Row): string {
  const result = String(row.result_id);
  return row.step === null || row.step === undefined ? result : `${result}-${row.step}`;
}

export interface BuiltFigure {
  definition: FigureDefinition;
  preset: Preset;
  unitStyle: UnitStyle;
  filters: Filters;
  links: boolean;
  /** More than DENSE_LIMIT points on a scatter figure: the points off the front are drawn as counts per cell. */
  dense: boolean;
  data: PlotDatum[];
  /** Candidates that passed the filters but cannot be plotted, with the reason. */
  excluded: Exclusion[];
  /** Plottable rows the chosen filters hide. */
  hiddenByFilters: number;
  /**
   * The plotted rows in priority order (scatter figures: the front first, then by y; others: as `rank` orders them),
   * which is also the order of the page's data table; the placed labels and their count.
   */
  ranked: PlotDatum[];
  labels: ReadonlyMap<string, Anchor>;
  labelled: number;
  sources: PaperEntry[];
  spec: TopLevelSpec;
  caption: string;
}

export interface BuildOptions {
  preset: Preset;
  unitStyle?: UnitStyle;
  filters?: Filters;
  links?: boolean;
  labels?: ReadonlyMap<string, Anchor>;
}

export function buildFigure(
  definition: FigureDefinition,
  rows: readonly Row[],
  papers: readonly PaperEntry[],
  options: BuildOptions,
): BuiltFigure {
  const filters = options.filters ?? NO_FILTERS;
  const base: FigureBase = {
    ...plotData(definition, rows, papers, filters),
    definition,
    preset: options.preset,
    unitStyle: options.unitStyle ?? options.preset.unitStyle,
    filters,
    links: options.links ?? false,
  };
  return withLabels(base, options.labels ?? new Map());
}

type PlotData = Pick<BuiltFigure, 'data' | 'excluded' | 'hiddenByFilters' | 'ranked' | 'sources' | 'dense'>;

/** What a figure plots for given rows and filters, worked out once: every preset and label placement shares it. */
const plotDataMemo = new WeakMap<readonly Row[], WeakMap<readonly PaperEntry[], Map<string, PlotData>>>();

function plotData(
  definition: FigureDefinition,
  rows: readonly Row[],
  papers: readonly PaperEntry[],
  filters: Filters,
): PlotData {
  const byPapers = plotDataMemo.get(rows) ?? new WeakMap<readonly PaperEntry[], Map<string, PlotData>>();
  plotDataMemo.set(rows, byPapers);
  const byKey = byPapers.get(papers) ?? new Map<string, PlotData>();
  byPapers.set(papers, byKey);
  const key = `${definition.id}?${filtersToParams(filters).toString()}`;
  let found = byKey.get(key);
  if (!found) {
    found = computePlotData(definition, rows, papers, filters);
    byKey.set(key, found);
  }
  return found;
}

function computePlotData(
  definition: FigureDefinition,
  rows: readonly Row[],
  papers: readonly PaperEntry[],
  filters: Filters,
): PlotData {
  const candidates = rows.filter((r) => definition.isCandidate(r) && passes(r, filters, definition.range));
  const hrefOf = (row: Row): string => `/papers/${String(row.paper_id)}/#${resultAnchor(row)}`;
  const excluded: Exclusion[] = [];
  const plotted: Row[] = [];
  for (const row of candidates) {
    const reason = definition.exclusionReason(row);
    if (reason === undefined) plotted.push(row);
    else
      excluded.push({
        row_id: String(row.row_id),
        paper_id: String(row.paper_id),
        sample_name: String(row.sample_name),
        reason,
        href: hrefOf(row),
      });
  }
  const plottable = rows.filter((r) => definition.isCandidate(r) && definition.exclusionReason(r) === undefined);
  const sources = numberSources(plotted, papers);
  const numberOf = new Map(sources.map((p, i) => [p.id, i + 1]));
  const sampleKey = (row: Row): string => `${String(row.paper_id)}/${String(row.sample_id)}`;
  const negative = new Set(rows.filter((r) => r.verdict === 'negative' && r.control !== true).map((r) => sampleKey(r)));
  const data: PlotDatum[] = plotted.map((row) => {
    const source = numberOf.get(String(row.paper_id)) ?? 0;
    return {
      ...row,
      source,
      label: definition.label(row, source),
      href: hrefOf(row),
      negative_finding: negative.has(sampleKey(row)),
      front: false,
    };
  });
  const ranked = definition.points ? byLabelPriority(data, definition.points) : (definition.rank?.(data) ?? data);
  return {
    data,
    excluded,
    hiddenByFilters: plottable.length - data.length,
    ranked,
    sources,
    dense: definition.points !== undefined && data.length > DENSE_LIMIT,
  };
}

type FigureBase = Omit<BuiltFigure, 'labels' | 'labelled' | 'spec' | 'caption'>;

function withLabels(base: FigureBase, labels: ReadonlyMap<string, Anchor>): BuiltFigure {
  const context: SpecContext = {
    preset: base.preset,
    unitStyle: base.unitStyle,
    links: base.links,
    labels,
    dense: base.dense,
  };
  const figure: BuiltFigure = {
    ...base,
    labels,
    labelled: base.ranked.filter((d) => labels.has(String(d.row_id))).length,
    spec: base.definition.spec(base.data, context),
    caption: '',
  };
  figure.caption = captionOf(figure, context);
  return figure;
}

/** The same figure with other point labels: only the spec and the caption change. */
export const relabel = (figure: BuiltFigure, labels: ReadonlyMap<string, Anchor>): BuiltFigure =>
  withLabels(figure, labels);

/**
 * Marks the Pareto front on the data and returns the label priority: the front (left to right), then the other
 * points from the highest y down, ties by row id, so the order never depends on the order of the content files.
 */
function byLabelPriority(data: PlotDatum[], points: ScatterPoints): PlotDatum[] {
  const front = paretoFront(data.map((d) => ({ id: String(d.row_id), x: points.x(d), y: points.y(d) })));
  for (const d of data) d.front = front.has(String(d.row_id));
  const byId = (a: PlotDatum, b: PlotDatum) => String(a.row_id).localeCompare(String(b.row_id));
  const onFront = data.filter((d) => d.front).sort((a, b) => points.x(a) - points.x(b) || byId(a, b));
  const rest = data.filter((d) => !d.front).sort((a, b) => points.y(b) - points.y(a) || byId(a, b));
  return [...onFront, ...rest];
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function filterText(filters: Filters, range: RangeFilter): string {
  const parts: string[] = [];
  for (const { key, label } of CATEGORY_FILTERS) {
    const values = filters.categories[key];
    if (values && values.length > 0) parts.push(`${label.toLowerCase()} ${values.join(' or ')}`);
  }
  if (filters.min !== undefined) parts.push(`${range.label.toLowerCase()} ≥ ${filters.min} ${range.unit}`);
  if (filters.max !== undefined) parts.push(`${range.label.toLowerCase()} ≤ ${filters.max} ${range.unit}`);
  return parts.join(', ');
}

function captionOf(figure: BuiltFigure, context: SpecContext): string {
  const { definition, data, excluded, sources, filters } = figure;
  // The title is not repeated: pages print it in bold before the caption, as journals do.
  const samples = new Set(data.map((d) => `${String(d.paper_id)}/${String(d.sample_id)}`)).size;
  const sentences = [
    `${plural(data.length, 'data point')} from ${plural(samples, 'sample')} in ${plural(sources.length, 'paper')}.`,
    definition.describe(data, context),
  ];
  if (definition.points && data.length > 0) sentences.push(labelText(figure, definition.points, context));
  const filtered = filterText(filters, definition.range);
  if (filtered) sentences.push(`Filtered to ${filtered}; ${figure.hiddenByFilters} other plottable points hidden.`);
  if (excluded.length > 0) {
    const reasons = new Map<string, number>();
    for (const e of excluded) reasons.set(e.reason, (reasons.get(e.reason) ?? 0) + 1);
    const list = [...reasons].map(([reason, n]) => `${reason} (${n})`).join('; ');
    sentences.push(`Not plotted: ${list}.`);
  }
  sentences.push('Numbers in brackets are the sources listed below. Data: Battery Atlas.');
  return sentences.join(' ');
}

/** What the caption says of labels and dense drawing, so a reader knows what is and is not drawn one by one. */
function labelText(figure: BuiltFigure, points: ScatterPoints, context: SpecContext): string {
  const { data, ranked, labelled } = figure;
  const front = ranked.filter((d) => d.front).length;
  const dense = context.dense
    ? `With more than ${DENSE_LIMIT.toLocaleString('en')} points, the ${data.length - front} off the Pareto front are drawn as the number of results per cell (grey scale) and the front as single marks. `
    : '';
  return `${dense}Labels go first to the ${plural(front, 'point')} of the Pareto front (${points.front}), then to other points while space lasts: ${labelled} of ${data.length} labelled. Every point is in the data table and the CSV with its source number.`;
}

/** The plotted data exactly: identification, source number and the figure's own columns, values as published. */
export function plottedCsv(figure: BuiltFigure): string {
  const columns = [
    'row_id',
    'source',
    'citation',
    'doi',
    'sample_name',
    ...figure.definition.columns.map((c) => c.column),
    'locator',
    'quote',
  ];
  return toCsv(figure.data, [...new Set(columns)]);
}
