/**
 * The interactive view's data, `<id>-rows.json`: the rows a figure considers (plotted or not, and the negative
 * findings that ring marks) and their papers, each as one table of columns and rows, with only the fields the figure
 * reads. Written at build time (cli/build-assets.ts), read in the browser by explore.ts. Pure: no Node APIs.
 */
import type { Cell, Dataset, PaperEntry, Row } from '../pipeline/dataset.ts';
import { buildFigure, CATEGORY_FILTERS, plottedCsv, type FigureDefinition } from './figure.ts';
import type { Preset } from './presets.ts';

export interface Table {
  columns: string[];
  rows: Cell[][];
}

export interface ViewData {
  rows: Table;
  papers: Table;
}

/** What the view prints of each source itself (explore.ts), besides what the figure reads. */
const SOURCE_FIELDS = ['citation', 'title', 'doi'];

type Tracker = <T extends object>(target: T) => T;

/**
 * A function that wraps objects so that reading a field records its name. A spread or Object.entries asks for a
 * field's descriptor and then its value: that is a copy, which only counts once the copy is read.
 */
function readRecorder(read: Set<string>): Tracker {
  return (target) => {
    let described: string | symbol | undefined;
    return new Proxy(target, {
      getOwnPropertyDescriptor(object, key) {
        described = key;
        return Reflect.getOwnPropertyDescriptor(object, key);
      },
      get(object, key, receiver) {
        if (key === described) described = undefined;
        else if (typeof key === 'string') read.add(key);
        return Reflect.get(object, key, receiver) as unknown;
      },
      has(object, key) {
        if (typeof key === 'string') read.add(key);
        return Reflect.has(object, key);
      },
    });
  };
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

/** The definition with every function (nested ones too) given tracked arguments: rows, plotted data, contexts. */
function tracked<T extends object>(value: T, track: Tracker): T {
  const wrap = (v: unknown): unknown => (Array.isArray(v) ? v.map((x) => (isObject(x) ? track(x) : x)) : v);
  const entries = Object.entries(value).map(([key, v]) => {
    if (typeof v === 'function')
      return [
        key,
        (...args: unknown[]) =>
          (v as (...a: unknown[]) => unknown)(...args.map((a) => (isObject(a) ? track(wrap(a) as object) : a))),
      ];
    return [key, isObject(v) && !Array.isArray(v) ? tracked(v, track) : v];
  });
  return Object.fromEntries(entries) as T;
}

/** The rows the view needs: every candidate, and every negative finding (they ring the marks of their sample). */
const viewRows = (definition: FigureDefinition, rows: readonly Row[]): Row[] =>
  rows.filter((r) => definition.isCandidate(r) || r.verdict === 'negative');

/**
 * The fields of rows and papers that building the figure reads (any filter, the plotted-data CSV included), found
 * by building it once from rows that record their reads.
 */
function fieldsRead(definition: FigureDefinition, rows: readonly Row[], papers: readonly PaperEntry[], preset: Preset) {
  const rowFields = new Set<string>([...CATEGORY_FILTERS.map((f) => f.key), definition.range.column]);
  const paperFields = new Set<string>(SOURCE_FIELDS);
  const trackRow = readRecorder(rowFields);
  const figure = buildFigure(
    tracked(definition, trackRow),
    rows.map((r) => trackRow(r)),
    papers.map(readRecorder(paperFields)),
    { preset, links: true },
  );
  plottedCsv({ ...figure, data: figure.data.map((d) => trackRow(d)) });
  return { rowFields, paperFields };
}

function table<T extends object>(items: readonly T[], fields: ReadonlySet<string>): Table {
  const columns = Object.keys(items[0] ?? {}).filter((c) => fields.has(c));
  const rows = items.map((item) => columns.map((c) => ((item as Record<string, unknown>)[c] ?? null) as Cell));
  return { columns, rows };
}

/** The view's data for a figure: its rows and their papers, each with only the fields the figure reads. */
export function viewData(definition: FigureDefinition, dataset: Dataset, preset: Preset): ViewData {
  const rows = viewRows(definition, dataset.rows);
  const used = new Set(rows.map((r) => r.paper_id));
  const papers = dataset.papers.filter((p) => used.has(p.id));
  const { rowFields, paperFields } = fieldsRead(definition, rows, papers, preset);
  return { rows: table(rows, rowFields), papers: table(papers, paperFields) };
}

const objects = ({ columns, rows }: Table): Record<string, Cell>[] =>
  rows.map((values) => Object.fromEntries(columns.map((c, i) => [c, values[i] ?? null])));

/** The rows and papers of `viewData`, as objects again. Papers carry only the fields the figure and view read. */
export function fromViewData(data: ViewData): { rows: Row[]; papers: PaperEntry[] } {
  return { rows: objects(data.rows), papers: objects(data.papers) as unknown as PaperEntry[] };
}
