/**
 * npm run bench: how long the content pipeline and the data-set exports take, on the real content and on a
 * synthetic corpus of copies of it (each copy with its own DOI). Prints medians; asserts nothing.
 */
import { performance } from 'node:perf_hooks';
import { readPaperFiles } from '../src/content-files.ts';
import { toCsv } from '../src/pipeline/dataset.ts';
import { runPipeline, type SourceFile } from '../src/pipeline/index.ts';

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(runs: number, work: () => void): number {
  work(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return median(times);
}

function corpus(files: SourceFile[], copies: number): SourceFile[] {
  return Array.from({ length: copies }, (_, i) =>
    files.map((f) => ({
      path: f.path.replace(/\.md$/, `-copy${i}.md`),
      text: f.text.replace(/^(\s*doi: )(\S+)/m, `$1$2.copy${i}`),
    })),
  ).flat();
}

const real = readPaperFiles();
const rows = (files: SourceFile[]) => runPipeline(files).dataset.rows;
const lines: string[] = ['case                          files    rows   pipeline ms   csv ms   json ms'];
for (const [label, files, runs] of [
  ['real content', real, 30],
  ['synthetic ×25', corpus(real, 25), 5],
  ['synthetic ×250', corpus(real, 250), 3],
] as const) {
  const result = runPipeline(files);
  if (result.failed) throw new Error(`${label}: the corpus has errors`);
  const pipeline = time(runs, () => rows(files));
  const csv = time(runs, () => toCsv(result.dataset.rows));
  const json = time(runs, () => JSON.stringify(result.dataset.rows));
  lines.push(
    `${label.padEnd(28)}${String(files.length).padStart(6)}${String(result.dataset.rows.length).padStart(8)}` +
      `${pipeline.toFixed(1).padStart(14)}${csv.toFixed(1).padStart(9)}${json.toFixed(1).padStart(10)}`,
  );
}
console.log(lines.join('\n'));
