/**
 * The disk cache of figure files: a figure whose spec has not changed is not rendered again, in this process or the
 * next, and its files come back byte for byte; a changed point renders it again; the layout check's verdict is part
 * of what is cached; two processes can fill the cache at once.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { svgToPdf, svgToPng } from '../../src/figures/export.ts';
import { buildFigure } from '../../src/figures/figure.ts';
import { figureFile, PRINT_FORMATS, printLayout, type Exporters, type FileRequest } from '../../src/figures/files.ts';
import { figureById } from '../../src/figures/index.ts';
import { presetById } from '../../src/figures/presets.ts';
import { PrintCache } from '../../src/figures/print-cache.ts';
import type { Dataset } from '../../src/pipeline/dataset.ts';
import { runPipeline } from '../../src/pipeline/index.ts';
import { REAL_FILES } from '../helpers.ts';

const { dataset } = runPipeline(REAL_FILES);
const definition = figureById('capacity-vs-cycles');
const preset = presetById('nature-single');

/** Exporters that record what they render. */
function counting(): Exporters & { rendered: string[] } {
  const rendered: string[] = [];
  return {
    rendered,
    pdf: (svg, options) => (rendered.push('pdf'), svgToPdf(svg, options)),
    png: (svg, options) => (rendered.push(`png ${options.dpi}`), svgToPng(svg, options)),
  };
}

/** Every print file of the figure, through `cache` (a new PrintCache on a directory is what a later build sees). */
async function printFiles(cache: PrintCache, exporters: Exporters, data: Dataset = dataset) {
  const request: FileRequest = { definition, dataset: data, preset, cache, exporters };
  const files = await Promise.all(PRINT_FORMATS.map((f) => figureFile(request, f.id)));
  return files.map((f) => Buffer.from(f.body));
}

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'print-cache-'));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

describe('the print cache', () => {
  test('an unchanged figure is not rendered again, and its files come back byte for byte', async () => {
    const first = new PrintCache(directory);
    const rendering = counting();
    const rendered = await printFiles(first, rendering);
    expect(first.rendered).toEqual({ layouts: 1, files: 3 });
    expect(rendering.rendered.sort()).toEqual(['pdf', 'png 300', 'png 600']);

    const later = new PrintCache(directory);
    const reusing = counting();
    const reused = await printFiles(later, reusing);
    expect(later.rendered).toEqual({ layouts: 0, files: 0 });
    expect(reusing.rendered).toEqual([]);
    reused.forEach((bytes, i) => expect(bytes.equals(rendered[i]!), PRINT_FORMATS[i]!.id).toBe(true));

    // The reused layout is the rendered one: the same placed labels, spec and caption.
    const [fresh, cached] = await Promise.all(
      [first, later].map((cache) => printLayout({ definition, dataset, preset, cache })),
    );
    expect(cached!.figure.labels).toEqual(fresh!.figure.labels);
    // As JSON: rendering tags the spec's data objects with Vega's own (symbol) ids.
    expect(JSON.stringify(cached!.figure.spec)).toBe(JSON.stringify(fresh!.figure.spec));
    expect(cached!.figure.caption).toBe(fresh!.figure.caption);
  });

  test('a changed point renders the figure again', async () => {
    await printFiles(new PrintCache(directory), counting());
    const point = buildFigure(definition, dataset.rows, dataset.papers, { preset }).data[0]!;
    const changed: Dataset = {
      ...dataset,
      rows: dataset.rows.map((r) =>
        r.row_id === point.row_id ? { ...r, capacity_mAh_g: (r.capacity_mAh_g as number) * 1.1 } : r,
      ),
    };
    const later = new PrintCache(directory);
    const rendering = counting();
    const [svg] = await printFiles(later, rendering, changed);
    expect(later.rendered).toEqual({ layouts: 1, files: 3 });
    expect(rendering.rendered).toHaveLength(3);
    const [before] = await printFiles(new PrintCache(directory), counting());
    expect(svg!.equals(before!)).toBe(false);
  });

  test('a layout the check refused stays refused when it comes from the cache', async () => {
    const layout = await printLayout({ definition, dataset, preset, cache: new PrintCache(directory) });
    const record = join(directory, layout.key.slice(0, 2), layout.key, 'layout.json');
    const stored = JSON.parse(readFileSync(record, 'utf8')) as { problems: unknown[] };
    stored.problems = [{ problem: 'overlap', text: '[1]', detail: 'overlaps "[2]"' }];
    writeFileSync(record, JSON.stringify(stored));
    await expect(printLayout({ definition, dataset, preset, cache: new PrintCache(directory) })).rejects.toThrow(
      `figure ${definition.id}, preset ${preset.id}: 1 layout problem(s)\n  overlap: "[1]" overlaps "[2]"`,
    );
  });

  test('entries unused for the pruning age are removed, used ones kept', async () => {
    const cache = new PrintCache(directory);
    const { key } = await printLayout({ definition, dataset, preset, cache });
    const entry = join(directory, key.slice(0, 2), key);
    expect(cache.prune()).toBe(0);
    const monthAgo = new Date(Date.now() - 30 * 86_400_000);
    utimesSync(entry, monthAgo, monthAgo);
    expect(cache.prune()).toBe(1);
    expect(readdirSync(join(directory, key.slice(0, 2)))).toEqual([]);
  });
});

describe('the print cache across processes', () => {
  const run = promisify(execFile);
  /** `npm run figure` writing the PDF into `out`, with the cache in `directory`. */
  const figureCommand = (out: string) =>
    run(
      process.execPath,
      ['src/cli/figure.ts', definition.id, '--preset', preset.id, '--format', 'pdf', '--out', out],
      {
        env: { ...process.env, BATTERY_ATLAS_CACHE_DIR: directory },
      },
    );
  /** Every file of the cache with its inode: a file written again (always through a rename) gets a new one. */
  const inodes = (dir: string): Record<string, number> =>
    Object.fromEntries(
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((name) => statSync(join(dir, name)).isFile())
        .map((name) => [name, statSync(join(dir, name)).ino]),
    );

  test('two processes fill the cache at once, and a third renders nothing and writes the same bytes', async () => {
    const outs = ['a', 'b', 'c'].map((name) => join(directory, `out-${name}`));
    await Promise.all([figureCommand(outs[0]!), figureCommand(outs[1]!)]);
    const filled = inodes(join(directory, 'figures'));
    expect(Object.keys(filled).sort()).toEqual([
      expect.stringMatching(/figure\.pdf$/),
      expect.stringMatching(/figure\.svg$/),
      expect.stringMatching(/layout\.json$/),
    ]);

    await figureCommand(outs[2]!);
    expect(inodes(join(directory, 'figures'))).toEqual(filled);
    const pdfs = outs.map((out) => readFileSync(join(out, `${definition.id}-${preset.id}.pdf`)));
    expect(pdfs[1]!.equals(pdfs[0]!)).toBe(true);
    expect(pdfs[2]!.equals(pdfs[0]!)).toBe(true);
  }, 60_000);
});
