/**
 * node --expose-gc src/cli/build-assets.ts --out DIR
 * Writes the site's downloadable files outside Astro: every file of every figure under every journal preset
 * (DIR/figures/<id>/, names from figures/files.ts), each figure's interactive-view data
 * (DIR/figures/<id>/<id>-rows.json) and the data set's downloads (DIR/data/). The Astro integration
 * (src/integration.ts) runs it beside the page build and moves DIR into the site; it works alone as well.
 *
 * Figure files come from the disk cache when their spec was rendered before. The main thread lays figures out and
 * writes PDFs and the data files while worker threads, one per core, render the PNGs, most of the work (--expose-gc
 * lets them free their pixels, see png-worker.ts). The process runs at lowered priority, so beside an Astro build it
 * takes what Astro leaves free, and every core once Astro is done. Exits 1 with the reason on a content error or a
 * layout problem.
 */
import { writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, constants, setPriority } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Piscina } from 'piscina';
import { readPaperFiles } from '../content-files.ts';
import { writeDataFiles, type DataFile } from '../exports/data-files.ts';
import { svgToPdf } from '../figures/export.ts';
import { DATA_FORMATS, figureFile, PRINT_FORMATS, printLayout, type Exporters } from '../figures/files.ts';
import { FIGURES } from '../figures/index.ts';
import { presetById, PRESETS, SITE_PRESET } from '../figures/presets.ts';
import { PrintCache } from '../figures/print-cache.ts';
import { viewData } from '../figures/view-data.ts';
import { diskCache } from '../pipeline/disk-cache.ts';
import type { Dataset } from '../pipeline/dataset.ts';
import { runPipeline } from '../pipeline/index.ts';
import { formatReport } from '../pipeline/report.ts';

const usage = 'usage: node --expose-gc src/cli/build-assets.ts --out DIR';

/**
 * Lays out every figure under every preset (this thread) and starts writing its files; resolves once the layouts
 * are done, the files still in the making (`written`: how many, once all are).
 */
async function startFigureFiles(out: string, dataset: Dataset, cache: PrintCache, exporters: Exporters) {
  const sitePreset = presetById(SITE_PRESET);
  const writes: Promise<void>[] = [];
  // The site preset first: the figure pages show its layout, and find it cached once it is written.
  for (const preset of [sitePreset, ...PRESETS.filter((p) => p !== sitePreset)])
    for (const definition of FIGURES) {
      const dir = join(out, 'figures', definition.id);
      await mkdir(dir, { recursive: true });
      const request = { definition, dataset, preset, cache, exporters };
      await printLayout(request);
      // Data formats do not depend on the preset: the site's files are those of its preset.
      for (const { id } of [...PRINT_FORMATS, ...(preset === sitePreset ? DATA_FORMATS : [])]) {
        const write = figureFile(request, id).then((file) => writeFile(join(dir, file.name), file.body));
        // Awaited with the others (below); until then a failure must not count as unhandled.
        write.catch(() => {});
        writes.push(write);
      }
      if (preset === sitePreset)
        writeFileSync(join(dir, `${definition.id}-rows.json`), JSON.stringify(viewData(definition, dataset, preset)));
    }
  const written = Promise.all(writes).then(() => writes.length);
  written.catch(() => {});
  return { written };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help || values.out === undefined) {
    console.log(usage);
    process.exitCode = values.help ? 0 : 1;
    return;
  }
  const out = values.out;
  // Before any thread starts: threads take the priority of the thread that creates them.
  setPriority(constants.priority.PRIORITY_BELOW_NORMAL);
  const started = performance.now();
  const files = readPaperFiles();
  // Unchanged paper files come from the pipeline's disk cache, as in the page build (site-data.ts).
  const pipelineCache = diskCache();
  const { dataset, failed, diagnostics } = runPipeline(files, { cache: pipelineCache });
  pipelineCache.save();
  if (failed) throw new Error(`content errors:\n${formatReport(diagnostics, files.length)}`);

  const cache = new PrintCache();
  const pngWorkers = new Piscina<{ svg: string; dpi: number }, Uint8Array>({
    filename: new URL('../figures/png-worker.ts', import.meta.url).href,
    maxThreads: availableParallelism(),
  });
  const exporters: Exporters = { pdf: svgToPdf, png: (svg, { dpi }) => pngWorkers.run({ svg, dpi }) };
  let figureFiles: number;
  let data: DataFile[];
  try {
    const { written } = await startFigureFiles(out, dataset, cache, exporters);
    // The data files, on this thread while the workers render.
    data = await writeDataFiles(dataset, join(out, 'data'));
    figureFiles = await written;
  } finally {
    await pngWorkers.destroy();
  }
  const pruned = cache.prune();

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const { layouts, files: rendered } = cache.rendered;
  console.log(
    `build-assets: ${figureFiles} figure files (${layouts} layouts and ${rendered} print files rendered, the rest ` +
      `from ${cache.directory}), ${FIGURES.length} view data files, ${data.length} data files, in ${seconds} s` +
      (pruned > 0 ? `; ${pruned} cache entries unused for weeks removed` : ''),
  );
}

main().catch((error: unknown) => {
  console.error(`build-assets: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
