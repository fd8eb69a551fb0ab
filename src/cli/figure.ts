/**
 * npm run figure -- <figure> [--preset P] [--format F …] [--ion K] [--role anode] [--class alloy] [--min N] [--max N]
 *                   [--units parentheses|solidus] [--out DIR]
 * Writes the same files the site's figure pages offer, for offline use, optionally filtered like a permalink.
 * `--format all` writes every format. Exits 1 with the reason on bad arguments, a content error or a layout problem.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readPaperFiles } from '../content-files.ts';
import { CATEGORY_FILTERS, filtersFromParams } from '../figures/figure.ts';
import { DATA_FORMATS, figureFile, PRINT_FORMATS, type FormatId } from '../figures/files.ts';
import { FIGURES, figureById } from '../figures/index.ts';
import { presetById, PRESETS, SITE_PRESET, type UnitStyle } from '../figures/presets.ts';
import { runPipeline } from '../pipeline/index.ts';
import { formatReport } from '../pipeline/report.ts';

const FORMATS: FormatId[] = [...PRINT_FORMATS, ...DATA_FORMATS].map((f) => f.id);

const usage = `usage: npm run figure -- <figure> [--preset P] [--format F] [--ion X] [--role X] [--class X] [--min N] [--max N] [--units parentheses|solidus] [--out DIR]
  figures: ${FIGURES.map((f) => f.id).join(', ')}
  presets: ${PRESETS.map((p) => p.id).join(', ')} (default ${SITE_PRESET})
  formats: ${FORMATS.join(', ')}, all (default pdf; repeat --format for several)`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      preset: { type: 'string', default: SITE_PRESET },
      format: { type: 'string', multiple: true, default: ['pdf'] },
      ion: { type: 'string', multiple: true },
      role: { type: 'string', multiple: true },
      class: { type: 'string', multiple: true },
      min: { type: 'string' },
      max: { type: 'string' },
      units: { type: 'string' },
      out: { type: 'string', default: 'figures-out' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || positionals.length !== 1) {
    console.log(usage);
    process.exitCode = values.help ? 0 : 1;
    return;
  }
  const definition = figureById(positionals[0] ?? '');
  const preset = presetById(values.preset);
  const formats = values.format.includes('all') ? FORMATS : values.format;
  for (const format of formats)
    if (!FORMATS.includes(format as FormatId))
      throw new Error(`unknown format "${format}"; accepted: ${FORMATS.join(', ')}, all`);
  if (values.units !== undefined && values.units !== 'parentheses' && values.units !== 'solidus')
    throw new Error(`--units ${values.units}: accepted: parentheses, solidus`);

  // The same parameters as a permalink, so the command and the site filter identically.
  const params = new URLSearchParams();
  const flags: Record<string, string[] | undefined> = {
    ion: values.ion,
    role: values.role,
    material_class: values.class,
  };
  for (const { key } of CATEGORY_FILTERS) for (const value of flags[key] ?? []) params.append(key, value);
  if (values.min !== undefined) params.set('min', values.min);
  if (values.max !== undefined) params.set('max', values.max);
  const filters = filtersFromParams(params);

  const files = readPaperFiles();
  const { dataset, failed, diagnostics } = runPipeline(files);
  if (failed) throw new Error(`content errors:\n${formatReport(diagnostics, files.length)}`);

  mkdirSync(values.out, { recursive: true });
  for (const format of formats) {
    const file = await figureFile(
      { definition, dataset, preset, filters, ...(values.units ? { unitStyle: values.units as UnitStyle } : {}) },
      format as FormatId,
    );
    const path = join(values.out, file.name);
    writeFileSync(path, file.body);
    console.log(`wrote ${path}`);
  }
}

main().catch((error: unknown) => {
  console.error(`figure: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
