/**
 * What every figure shares: the definition a chart module exports, filters, source numbering and `buildFigure`,
 * the pure function from data-set rows to a Vega-Lite spec, its plotted data, left-out results and caption. No Node
 * APIs here: the interactive page runs this same code in the browser.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { PaperEntry, Row } from '../pipeline/dataset.ts';
import { toCsv } from '../pipeline/dataset.ts';
import type { Preset, UnitStyle } from './presets.ts';

/**
 * A plotted row: the data-set row plus its source number, point label, link to the paper page, and whether the
 * sample's own paper reports a negative finding for it (a qualitative result with verdict negative; controls aside).
 */
export type PlotDatum = Row & { source: number; label: string; href: string; negative_finding: boolean };

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
  /** Row ids whose point label goes on the other side of its mark (set by the print layout, render.ts). */
  flipped: ReadonlySet<string>;
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
  data: PlotDatum[];
  /** Candidates that passed the filters but cannot be plotted, with the reason. */
  excluded: Exclusion[];
  /** Plottable rows the chosen filters hide. */
  hiddenByFilters: number;
  sources: PaperEntry[];
  spec: TopLevelSpec;
  caption: string;
}

export interface BuildOptions {
  preset: Preset;
  unitStyle?: UnitStyle;
  filters?: Filters;
  links?: boolean;
  flipped?: ReadonlySet<string>;
}

export function buildFigure(
  definition: FigureDefinition,
  rows: readonly Row[],
  papers: readonly PaperEntry[],
  options: BuildOptions,
): BuiltFigure {
  const filters = options.filters ?? NO_FILTERS;
  const unitStyle = options.unitStyle ?? options.preset.unitStyle;
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
    };
  });
  const context: SpecContext = {
    preset: options.preset,
    unitStyle,
    links: options.links ?? false,
    flipped: options.flipped ?? new Set(),
  };
  const built: BuiltFigure = {
    definition,
    preset: options.preset,
    unitStyle,
    filters,
    data,
    excluded,
    hiddenByFilters: plottable.length - data.length,
    sources,
    spec: definition.spec(data, context),
    caption: '',
  };
  built.caption = captionOf(built, context);
  return built;
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
