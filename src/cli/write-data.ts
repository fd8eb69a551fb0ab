/**
 * node src/cli/write-data.ts --out DIR
 * Runs the pipeline on content/papers and writes the data downloads (measurements CSV/JSON/Parquet, papers, columns)
 * into DIR, as the site publishes them under /data/. Exits 1 with the content report when any paper has an error.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readPaperFiles } from '../content-files.ts';
import { writeDataFiles } from '../exports/data-files.ts';
import { runPipeline } from '../pipeline/index.ts';
import { formatReport } from '../pipeline/report.ts';

const usage = 'usage: node src/cli/write-data.ts --out DIR';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help || values.out === undefined) {
    console.log(usage);
    process.exitCode = values.help ? 0 : 1;
    return;
  }
  const files = readPaperFiles();
  const { dataset, failed, diagnostics } = runPipeline(files);
  if (failed) throw new Error(`content errors:\n${formatReport(diagnostics, files.length)}`);

  for (const { name, bytes } of await writeDataFiles(dataset, values.out))
    console.log(`wrote ${join(values.out, name)} (${bytes} bytes)`);
}

main().catch((error: unknown) => {
  console.error(`write-data: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
