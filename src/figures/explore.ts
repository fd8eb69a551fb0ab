/**
 * The interactive figure in the browser: the same pure builder as the build (figure.ts), fed the figure's rows, with
 * the filters taken from the URL and the point labels placed as at build time (placement.ts). Renders with Vega's SVG
 * renderer, tooltips from vega-tooltip, marks linking to the paper pages, and offers downloads of exactly this view.
 */
import { parse, View } from 'vega';
import { compile } from 'vega-lite';
import { Handler } from 'vega-tooltip';
import { CATEGORY_FILTERS, filtersFromParams, plottedCsv, type Filters } from './figure.ts';
import { figureById } from './index.ts';
import { placedFigure } from './placement.ts';
import { presetById, SITE_PRESET } from './presets.ts';
import { FONT_FAMILY } from './theme.ts';
import { fromViewData, type ViewData } from './view-data.ts';

const CLI_FLAGS: Record<string, string> = { ion: '--ion', role: '--role', material_class: '--class' };

function command(id: string, presetId: string, filters: Filters): string {
  const parts = ['npm run figure --', id, '--preset', presetId, '--format pdf'];
  for (const { key } of CATEGORY_FILTERS)
    for (const v of filters.categories[key] ?? []) parts.push(CLI_FLAGS[key] ?? '', v);
  if (filters.min !== undefined) parts.push('--min', String(filters.min));
  if (filters.max !== undefined) parts.push('--max', String(filters.max));
  return parts.join(' ');
}

function fillForm(form: HTMLFormElement, params: URLSearchParams): void {
  for (const input of form.querySelectorAll('input')) {
    if (input.type === 'checkbox') input.checked = params.getAll(input.name).includes(input.value);
    else input.value = params.get(input.name) ?? '';
  }
}

function setLink(id: string, href: string): void {
  const link = document.getElementById(id);
  if (link instanceof HTMLAnchorElement) link.href = href;
}

const blobUrl = (text: string, type: string): string => URL.createObjectURL(new Blob([text], { type }));

export async function explore(root: HTMLElement): Promise<void> {
  const id = root.dataset.figure ?? '';
  const definition = figureById(id);
  const params = new URLSearchParams(window.location.search);
  const filters = filtersFromParams(params);
  const preset = presetById(params.get('preset') ?? SITE_PRESET);

  const response = await fetch(`/figures/${id}/${id}-rows.json`);
  if (!response.ok) throw new Error(`could not load the figure's data (${response.status})`);
  const { rows, papers } = fromViewData((await response.json()) as ViewData);
  // Vega measures text on a canvas: the typeface must be loaded first or labels are placed with fallback widths.
  await Promise.all([document.fonts.load(`7px "${FONT_FAMILY}"`), document.fonts.load(`bold 7px "${FONT_FAMILY}"`)]);

  // The same label placement as the build, measured with the page's canvas in the loaded typeface.
  const context = document.createElement('canvas').getContext('2d');
  if (!context) throw new Error('no canvas to measure the labels with');
  const measure = (text: string, size: number): number => {
    context.font = `${size}px "${FONT_FAMILY}"`;
    return context.measureText(text).width;
  };
  const figure = await placedFigure(definition, rows, papers, { preset, filters, links: true }, measure);
  const chart = document.getElementById('chart');
  if (!chart) throw new Error('no #chart element');
  chart.replaceChildren();
  const view = new View(parse(compile(figure.spec).spec), {
    renderer: 'svg',
    container: chart,
    hover: true,
    tooltip: new Handler().call,
  });
  await view.runAsync();

  const caption = document.getElementById('caption');
  if (caption) {
    const title = document.createElement('strong');
    title.textContent = `${definition.title}. `;
    caption.replaceChildren(title, figure.caption);
  }
  const sources = document.getElementById('sources');
  if (sources) {
    sources.replaceChildren(
      ...figure.sources.map((p, i) => {
        const item = document.createElement('li');
        item.textContent = `[${i + 1}] ${p.citation}: ${p.title}. ${p.doi ? `doi:${p.doi}` : 'No DOI printed.'}`;
        return item;
      }),
    );
  }
  const form = root.querySelector('form.filters');
  if (form instanceof HTMLFormElement) fillForm(form, params);
  const permalink = document.getElementById('permalink');
  if (permalink instanceof HTMLInputElement) permalink.value = window.location.href;
  const cli = document.getElementById('command');
  if (cli) cli.textContent = command(id, preset.id, filters);

  setLink('download-svg', blobUrl(await view.toSVG(), 'image/svg+xml'));
  setLink('download-png', await view.toImageURL('png', 300 / 72));
  setLink('download-csv', blobUrl(plottedCsv(figure), 'text/csv'));
  setLink('download-spec', blobUrl(JSON.stringify(figure.spec, null, 2), 'application/json'));

  const status = document.getElementById('status');
  if (status)
    status.textContent = `${figure.data.length} points plotted. Hover a mark for its sample, paper, conditions and quote; click it to open the paper page.`;
  root.dataset.state = 'ready';
}
