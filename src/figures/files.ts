/**
 * The files a figure is offered as, one definition for the site's download links, its endpoints and the `figure`
 * command: vector SVG and PDF and 300/600 dpi PNG per journal preset, plus the plotted data (CSV), the Vega-Lite
 * spec and the plotted papers as BibTeX and RIS. Every print layout must pass the layout check or the file is
 * refused.
 */
import type { Dataset } from '../pipeline/dataset.ts';
import { toBibtex, toRis } from './citations.ts';
import { svgToPdf, svgToPng } from './export.ts';
import { filtersToParams, plottedCsv, type Filters, type FigureDefinition } from './figure.ts';
import type { LayoutProblem } from './layout-check.ts';
import type { Preset, UnitStyle } from './presets.ts';
import { layoutFigure, type PrintLayout } from './render.ts';

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
  body: Uint8Array<ArrayBuffer> | string;
}

class LayoutError extends Error {
  constructor(figure: string, preset: Preset, problems: LayoutProblem[]) {
    super(
      `figure ${figure}, preset ${preset.id}: ${problems.length} layout problem(s)\n` +
        problems.map((p) => `  ${p.problem}: "${p.text}" ${p.detail}`).join('\n'),
    );
  }
}

export interface FileRequest {
  definition: FigureDefinition;
  dataset: Dataset;
  preset: Preset;
  filters?: Filters;
  unitStyle?: UnitStyle;
}

const layouts = new Map<string, Promise<PrintLayout>>();

/** The checked print layout of a figure, computed once per build for each figure, preset, filter and unit style. */
export function printLayout(request: FileRequest): Promise<PrintLayout> {
  const { definition, dataset, preset, filters, unitStyle } = request;
  const key = [definition.id, preset.id, unitStyle ?? '', filters ? filtersToParams(filters).toString() : ''].join('|');
  let layout = layouts.get(key);
  if (!layout) {
    layout = layoutFigure(definition, dataset.rows, dataset.papers, {
      preset,
      ...(filters ? { filters } : {}),
      ...(unitStyle ? { unitStyle } : {}),
    }).then((result) => {
      if (result.problems.length > 0) throw new LayoutError(definition.id, preset, result.problems);
      if (result.rendered.warnings.length > 0)
        throw new Error(`figure ${definition.id}: Vega-Lite warned: ${result.rendered.warnings.join('; ')}`);
      return result;
    });
    layouts.set(key, layout);
  }
  return layout;
}

export function fileName(definition: FigureDefinition, format: FormatId, preset: Preset): string {
  const print = PRINT_FORMATS.find((f) => f.id === format);
  if (print) return `${definition.id}-${preset.id}${print.suffix}`;
  const data = DATA_FORMATS.find((f) => f.id === format);
  return `${definition.id}-${data?.name ?? format}`;
}

/** One downloadable file of a figure. Data formats do not depend on the preset (the spec is the preset's). */
export async function figureFile(request: FileRequest, format: FormatId): Promise<FigureFile> {
  const { figure, rendered } = await printLayout(request);
  const name = fileName(request.definition, format, request.preset);
  const type = [...PRINT_FORMATS, ...DATA_FORMATS].find((f) => f.id === format)?.type ?? 'application/octet-stream';
  const body = await (async (): Promise<Uint8Array<ArrayBuffer> | string> => {
    switch (format) {
      case 'svg':
        return rendered.svg;
      case 'pdf':
        return svgToPdf(rendered.svg, {
          widthPt: rendered.widthPt,
          heightPt: rendered.heightPt,
          title: `${figure.definition.title} (Battery Atlas)`,
        });
      case 'png300':
        return svgToPng(rendered.svg, { dpi: 300 });
      case 'png600':
        return svgToPng(rendered.svg, { dpi: 600 });
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
