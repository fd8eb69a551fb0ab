/**
 * npm run bench (second part): build-time cost of each figure and export format, on the real content and on 1000
 * synthetic points per figure (the real plottable rows copied with spread-out values), plus the gzip size and script
 * count of the built figure pages when dist/ exists. Prints medians; asserts nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { readPaperFiles } from '../src/content-files.ts';
import { svgToPdf, svgToPng } from '../src/figures/export.ts';
import { buildFigure, type FigureDefinition } from '../src/figures/figure.ts';
import { FIGURES } from '../src/figures/index.ts';
import { checkLayout } from '../src/figures/layout-check.ts';
import { presetById, SITE_PRESET } from '../src/figures/presets.ts';
import { renderFigure } from '../src/figures/render.ts';
import type { Row } from '../src/pipeline/dataset.ts';
import { runPipeline } from '../src/pipeline/index.ts';

async function median(runs: number, work: () => unknown): Promise<number> {
  await work(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? NaN;
}

/** `count` copies of the figure's plottable rows with every numeric value scaled by a deterministic factor. */
function synthetic(definition: FigureDefinition, rows: readonly Row[], count: number): Row[] {
  const plottable = rows.filter((r) => definition.isCandidate(r) && definition.exclusionReason(r) === undefined);
  return Array.from({ length: count }, (_, i) => {
    const row = plottable[i % plottable.length] ?? {};
    const factor = 0.5 + ((i * 7919) % 1000) / 1000; // 0.5–1.5, spread without randomness
    const scaled = Object.fromEntries(
      Object.entries(row).map(([k, v]) => [k, typeof v === 'number' && k !== 'step' ? v * factor : v]),
    );
    return { ...scaled, row_id: `${String(row.row_id)}#${i}`, result_id: `${String(row.result_id)}-${i}` };
  });
}

const { dataset } = runPipeline(readPaperFiles());
const preset = presetById(SITE_PRESET);
const header = 'figure                   points   spec ms    svg ms  check ms    pdf ms  png300 ms  png600 ms   svg KB';
const lines = [`Figures at ${preset.id} (${preset.widthMm} mm), median of 5 runs after a warm-up`, header];
for (const definition of FIGURES) {
  for (const [label, rows] of [
    ['real', dataset.rows],
    ['1000 pts', synthetic(definition, dataset.rows, 1000)],
  ] as const) {
    const figure = buildFigure(definition, rows, dataset.papers, { preset });
    const rendered = await renderFigure(figure.spec);
    const size = { widthPt: rendered.widthPt, heightPt: rendered.heightPt, title: definition.title };
    const spec = await median(5, () => buildFigure(definition, rows, dataset.papers, { preset }));
    const svg = await median(5, () => renderFigure(figure.spec));
    const check = await median(5, () => checkLayout(rendered, preset));
    const pdf = await median(5, () => svgToPdf(rendered.svg, size));
    const png300 = await median(5, () => svgToPng(rendered.svg, { dpi: 300 }));
    const png600 = await median(5, () => svgToPng(rendered.svg, { dpi: 600 }));
    lines.push(
      `${`${definition.id} (${label})`.padEnd(33).slice(0, 33)}${String(figure.data.length).padStart(5)}` +
        [spec, svg, check, pdf, png300, png600].map((t) => t.toFixed(1).padStart(10)).join('') +
        (rendered.svg.length / 1024).toFixed(1).padStart(9),
    );
  }
}

if (existsSync('dist/figures')) {
  lines.push('', 'Built figure pages (dist/)          HTML KB   gzip KB   <script> elements');
  for (const definition of FIGURES) {
    const html = readFileSync(`dist/figures/${definition.id}/index.html`);
    const scripts = (html.toString().match(/<script\b/g) ?? []).length;
    lines.push(
      `${definition.id.padEnd(34)}${(html.length / 1024).toFixed(1).padStart(8)}` +
        `${(gzipSync(html).length / 1024).toFixed(1).padStart(10)}${String(scripts).padStart(12)}`,
    );
  }
} else {
  lines.push('', '(run npm run build first to measure the figure pages)');
}
console.log(lines.join('\n'));
