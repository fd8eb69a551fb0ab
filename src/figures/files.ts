/**
 * The files a figure is offered as, one definition for the site's download links, the build step that writes them
 * (cli/build-assets.ts) and the `figure` command: vector SVG and PDF and 300/600 dpi PNG per journal preset, plus the
 * plotted data (CSV), the Vega-Lite spec and the plotted papers as BibTeX and RIS. Layouts and print files come from
 * the disk cache (print-cache.ts) when their spec was rendered before. Every print layout must pass the layout check
 * or the file is refused, cached or not.
 */
import { createHash } from 'node:crypto';
import type { Dataset } from '../pipeline/dataset.ts';
import { toBibtex, toRis } from './citations.ts';
import { svgToPdf, svgToPng } from './export.ts';
import {
  buildFigure,
  filtersToParams,
  plottedCsv,
  relabel,
  type BuiltFigure,
  type Filters,
  type FigureDefinition,
} from './figure.ts';
import type { Anchor } from './labels.ts';
import type { LayoutProblem } from './layout-check.ts';
import type { Preset, UnitStyle } from './presets.ts';
import { layoutKey, PrintCache } from './print-cache.ts';
import { layoutFigure, type RenderedFigure } from './render.ts';

export const PRINT_FORMATS = [
  { id: 'svg', suffix: '.svg', label: 'SVG', type: 'image/svg+xml' },
  { id: 'pdf', suffix: '.pdf', label: 'PDF', type: 'application/pdf' },
  { id: 'png300', suffix: '-300dpi.png', label: 'PNG 300 dpi', type: 'image/png' },
  { id: 'png600', suffix: '-600dpi.png', label: 'PNG 600 dpi', type: 'image/png' },
] as const;

export const DATA_FORMATS = [
  { id: 'csv', name: 'data.csv', label: 'Plotted data (CSV)', type: 'text/csv; charset=utf-8' },
  { id: 'spec', name: 'spec.vl.json', label: 'Vega-Lite spec (JSON)', type: 'application/json' },
  { id: 'bib', name: 'sources.bib', label: 'Sources (BibTeX)', type: 'application/x-bibtex; charset=utf-8' },
  { id: 'ris', name: 'sources.ris', label: 'Sources (RIS)', type: 'application/x-research-info-systems' },
] as const;

export type FormatId = (typeof PRINT_FORMATS)[number]['id'] | (typeof DATA_FORMATS)[number]['id'];

export interface FigureFile {
  name: string;
  type: string;
  body: Uint8Array | string;
}

class LayoutError extends Error {
  constructor(figure: string, preset: Preset, problems: LayoutProblem[]) {
    super(
      `figure ${figure}, preset ${preset.id}: ${problems.length} layout problem(s)\n` +
        problems.map((p) => `  ${p.problem}: "${p.text}" ${p.detail}`).join('\n'),
    );
  }
}

/** How a layout's SVG becomes print files (export.ts in this thread, unless the caller renders elsewhere). */
export interface Exporters {
  pdf(svg: string, options: { widthPt: number; heightPt: number; title: string }): Promise<Uint8Array>;
  png(svg: string, options: { dpi: number }): Promise<Uint8Array> | Uint8Array;
}

const IN_THIS_THREAD: Exporters = { pdf: svgToPdf, png: svgToPng };

export interface FileRequest {
  definition: FigureDefinition;
  dataset: Dataset;
  preset: Preset;
  filters?: Filters;
  unitStyle?: UnitStyle;
  /** Where rendered files are kept: the project's disk cache (print-cache.ts) unless given. */
  cache?: PrintCache;
  exporters?: Exporters;
}

/** A print layout that passed the layout check: the figure, its SVG and page size, and its cache entry. */
export interface CheckedLayout {
  figure: BuiltFigure;
  rendered: Pick<RenderedFigure, 'svg' | 'widthPt' | 'heightPt'>;
  key: string;
}

/** What a layout's cache entry records besides its SVG: all a later build needs to skip rendering. */
interface LayoutRecord {
  /** The placed point labels (placing them takes a render), and the hash of the spec they give. */
  labels: [string, Anchor][];
  specHash: string;
  widthPt: number;
  heightPt: number;
  problems: LayoutProblem[];
  warnings: string[];
}

const LAYOUT_FILE = 'layout.json';
const SVG_FILE = 'figure.svg';

let projectCache: PrintCache | undefined;
const cacheOf = (request: FileRequest): PrintCache => request.cache ?? (projectCache ??= new PrintCache());

/** A number per data set, so one process can lay out figures of several (the tests do). */
const datasetIds = new WeakMap<Dataset, number>();
let datasetCount = 0;
const datasetId = (dataset: Dataset): number => {
  let id = datasetIds.get(dataset);
  if (id === undefined) datasetIds.set(dataset, (id = ++datasetCount));
  return id;
};

const specHash = (spec: unknown): string => createHash('sha256').update(JSON.stringify(spec)).digest('hex');
const pdfTitle = (definition: FigureDefinition): string => `${definition.title} (Battery Atlas)`;

/**
 * The checked print layout of a figure, made once per process for each data set, figure, preset, filter and unit
 * style, and rendered only when the disk cache has no layout for its spec. The cache key is the spec before label
 * placement (placing labels takes a render); the placed labels are stored with the layout, and a reused layout
 * must give back the spec hash it was stored with.
 */
export function printLayout(request: FileRequest): Promise<CheckedLayout> {
  const { definition, dataset, preset, filters, unitStyle } = request;
  const cache = cacheOf(request);
  const id = [datasetId(dataset), definition.id, preset.id, unitStyle ?? '', filters ? filtersToParams(filters) : ''];
  return cache.once(`layout:${id.join('|')}`, async () => {
    const options = { preset, ...(filters ? { filters } : {}), ...(unitStyle ? { unitStyle } : {}) };
    const unplaced = buildFigure(definition, dataset.rows, dataset.papers, options);
    const key = layoutKey(unplaced.spec, preset.id, pdfTitle(definition));
    let stored = storedLayout(cache, key, unplaced);
    if (!stored) {
      const { figure, rendered, problems } = await layoutFigure(definition, dataset.rows, dataset.papers, options);
      cache.rendered.layouts++;
      const record: LayoutRecord = {
        labels: [...figure.labels],
        specHash: specHash(figure.spec),
        widthPt: rendered.widthPt,
        heightPt: rendered.heightPt,
        problems,
        warnings: rendered.warnings,
      };
      // The SVG first: a layout record is only ever read with its SVG in place.
      cache.write(key, SVG_FILE, rendered.svg);
      cache.write(key, LAYOUT_FILE, JSON.stringify(record));
      stored = { figure, svg: rendered.svg, record };
    }
    const { figure, svg, record } = stored;
    if (record.problems.length > 0) throw new LayoutError(definition.id, preset, record.problems);
    if (record.warnings.length > 0)
      throw new Error(`figure ${definition.id}: Vega-Lite warned: ${record.warnings.join('; ')}`);
    return { figure, rendered: { svg, widthPt: record.widthPt, heightPt: record.heightPt }, key };
  });
}

function storedLayout(
  cache: PrintCache,
  key: string,
  unplaced: BuiltFigure,
): { figure: BuiltFigure; svg: string; record: LayoutRecord } | undefined {
  const json = cache.read(key, LAYOUT_FILE);
  const svg = json && cache.read(key, SVG_FILE);
  if (!json || !svg) return undefined;
  const record = JSON.parse(json.toString('utf8')) as LayoutRecord;
  const figure = relabel(unplaced, new Map(record.labels));
  return specHash(figure.spec) === record.specHash ? { figure, svg: svg.toString('utf8'), record } : undefined;
}

export function fileName(definition: FigureDefinition, format: FormatId, preset: Preset): string {
  const print = PRINT_FORMATS.find((f) => f.id === format);
  if (print) return `${definition.id}-${preset.id}${print.suffix}`;
  const data = DATA_FORMATS.find((f) => f.id === format);
  return `${definition.id}-${data?.name ?? format}`;
}

/** One downloadable file of a figure. Data formats do not depend on the preset (the spec is the preset's). */
export async function figureFile(request: FileRequest, format: FormatId): Promise<FigureFile> {
  const layout = await printLayout(request);
  const { figure, rendered, key } = layout;
  const cache = cacheOf(request);
  const exporters = request.exporters ?? IN_THIS_THREAD;
  const name = fileName(request.definition, format, request.preset);
  const type = [...PRINT_FORMATS, ...DATA_FORMATS].find((f) => f.id === format)?.type ?? 'application/octet-stream';
  const body = await (async (): Promise<Uint8Array | string> => {
    switch (format) {
      case 'svg':
        return rendered.svg;
      case 'pdf':
        return cache.file(key, 'figure.pdf', () =>
          exporters.pdf(rendered.svg, {
            widthPt: rendered.widthPt,
            heightPt: rendered.heightPt,
            title: pdfTitle(request.definition),
          }),
        );
      case 'png300':
        return cache.file(key, 'figure-300dpi.png', () => exporters.png(rendered.svg, { dpi: 300 }));
      case 'png600':
        return cache.file(key, 'figure-600dpi.png', () => exporters.png(rendered.svg, { dpi: 600 }));
      case 'csv':
        return plottedCsv(figure);
      case 'spec':
        return `${JSON.stringify(figure.spec, null, 2)}\n`;
      case 'bib':
        return toBibtex(
          figure.sources,
          figure.sources.map((_, i) => i + 1),
        );
      case 'ris':
        return toRis(
          figure.sources,
          figure.sources.map((_, i) => i + 1),
        );
    }
  })();
  return { name, type, body };
}
