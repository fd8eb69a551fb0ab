/**
 * node --expose-gc test/exports/measure-data-files.ts [ROWS]   (default 250,000)
 * Times writeDataFiles on a synthetic data set of ROWS rows (copies of the real rows) and prints the process's RSS
 * with the data set in memory, its peak RSS, and the size of each file. Writes into a temporary folder it removes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPaperFiles } from '../../src/content-files.ts';
import { writeDataFiles } from '../../src/exports/data-files.ts';
import { runPipeline } from '../../src/pipeline/index.ts';
import { syntheticDataset } from './synthetic-dataset.ts';

const MB = 1024 * 1024;
const rowCount = Number(process.argv[2] ?? 250_000);
const dataset = syntheticDataset(runPipeline(readPaperFiles()).dataset, rowCount);
globalThis.gc?.();
const rssBefore = process.memoryUsage.rss();

const dir = mkdtempSync(join(tmpdir(), 'data-files-'));
try {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const files = await writeDataFiles(dataset, dir);
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(
    `${rowCount} rows × ${Object.keys(dataset.rows[0] ?? {}).length} columns: writeDataFiles ${seconds.toFixed(1)} s ` +
      `wall, ${(cpu.user / 1e6).toFixed(1)} s user + ${(cpu.system / 1e6).toFixed(1)} s system CPU`,
  );
  console.log(`RSS with the data set loaded ${(rssBefore / MB).toFixed(0)} MB; peak RSS ${(peak / MB).toFixed(0)} MB`);
  for (const { name, bytes } of files) console.log(`  ${name.padEnd(22)} ${(bytes / MB).toFixed(1).padStart(8)} MB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
