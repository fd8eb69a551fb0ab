/**
 * npm run bench (first part): the content pipeline. Prints, asserts nothing.
 *
 * 1. The real content in this process: the pipeline and the data-set exports (medians).
 * 2. A synthetic corpus of copies of the real papers (each copy with its own DOI) at 1,000 and 10,000 files
 *    (`--files 1000,10000`), written to a temporary workspace. Each case runs in a process of its own:
 *    runPipeline with the disk cache empty (cold) and full (cached), as the site build runs it, in CPU ms and MB
 *    of peak memory per file; then check:content itself, cold and cached, in wall seconds.
 * 3. The cache's layout: 10,000 paper-sized entries as one file each, or appended to one file.
 */
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { PAPERS_DIR, readPaperFiles } from '../src/content-files.ts';
import { toCsv } from '../src/pipeline/dataset.ts';
import { diskCache } from '../src/pipeline/disk-cache.ts';
import { runPipeline, type SourceFile } from '../src/pipeline/index.ts';

const PROJECT = resolve(import.meta.dirname, '..');

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

/** `count` files: copies of the real files in turn, each with its own path and DOI. */
function corpus(files: SourceFile[], count: number): SourceFile[] {
  return Array.from({ length: count }, (_, i) => {
    const f = files[i % files.length]!;
    const copy = Math.floor(i / files.length);
    return {
      path: f.path.replace(/\.md$/, `-copy${copy}.md`),
      text: f.text.replace(/^(\s*doi: )(\S+)/m, `$1$2.copy${copy}`),
    };
  });
}

/** Child process: one pipeline run on the workspace, with its cache; prints CPU ms and peak MB per file. */
function measure(workspace: string): void {
  const files = readPaperFiles(workspace);
  const rssBefore = process.memoryUsage().rss;
  const cpuBefore = process.cpuUsage();
  const cache = diskCache({ root: PROJECT, dir: join(workspace, 'cache') });
  const { dataset, fromCache } = runPipeline(files, { cache });
  cache.save();
  const cpu = process.cpuUsage(cpuBefore);
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(
    JSON.stringify({
      msPerFile: (cpu.user + cpu.system) / 1000 / files.length,
      mbPerFile: (peak - rssBefore) / 1e6 / files.length,
      rows: dataset.rows.length,
      fromCache,
    }),
  );
}

/** A workspace like the project (src, lock file and node_modules linked) whose content/papers is the corpus. */
function workspaceWith(files: SourceFile[]): string {
  const workspace = mkdtempSync(join(tmpdir(), 'bench-pipeline-'));
  mkdirSync(join(workspace, PAPERS_DIR), { recursive: true });
  for (const name of ['src', 'node_modules', 'package-lock.json', 'package.json'])
    symlinkSync(join(PROJECT, name), join(workspace, name));
  for (const file of files) writeFileSync(join(workspace, PAPERS_DIR, file.path.replace(/^.*\//, '')), file.text);
  return workspace;
}

function inProcess(): string[] {
  const real = readPaperFiles().map(({ path, text }) => ({ path, text }));
  const result = runPipeline(real);
  return [
    'real content                  files    rows   pipeline ms   csv ms   json ms',
    `${'(in this process, medians)'.padEnd(28)}${String(real.length).padStart(6)}${String(result.dataset.rows.length).padStart(8)}` +
      `${time(30, () => runPipeline(real))
        .toFixed(1)
        .padStart(14)}` +
      `${time(30, () => toCsv(result.dataset.rows))
        .toFixed(1)
        .padStart(9)}` +
      `${time(30, () => JSON.stringify(result.dataset.rows))
        .toFixed(1)
        .padStart(10)}`,
  ];
}

function synthetic(sizes: number[]): string[] {
  const lines = [
    '',
    'synthetic corpus      runPipeline (site build)                  check:content',
    '   files     rows   cold ms/file  MB/file   cached ms/file  MB/file   cold s   cached s',
  ];
  const real = readPaperFiles();
  for (const size of sizes) {
    const workspace = workspaceWith(corpus(real, size));
    try {
      const child = () =>
        JSON.parse(
          execFileSync(process.execPath, [import.meta.filename, '--measure', workspace], { encoding: 'utf8' }),
        ) as { msPerFile: number; mbPerFile: number; rows: number; fromCache: number };
      const cold = child();
      const cached = child();
      if (cold.fromCache !== 0 || cached.fromCache !== size) throw new Error('the cache did not fill as expected');
      const check = () => {
        const start = performance.now();
        execFileSync(process.execPath, ['src/cli/check-content.ts'], {
          cwd: workspace,
          env: { ...process.env, BATTERY_ATLAS_CACHE_DIR: join(workspace, 'check-cache') },
        });
        return (performance.now() - start) / 1000;
      };
      const checkCold = check();
      const checkCached = check();
      lines.push(
        `${String(size).padStart(8)}${String(cold.rows).padStart(9)}${cold.msPerFile.toFixed(2).padStart(15)}` +
          `${cold.mbPerFile.toFixed(3).padStart(9)}${cached.msPerFile.toFixed(2).padStart(17)}${cached.mbPerFile.toFixed(3).padStart(9)}` +
          `${checkCold.toFixed(2).padStart(9)}${checkCached.toFixed(2).padStart(11)}`,
      );
    } finally {
      rmSync(workspace, { recursive: true, force: true });
    }
  }
  return lines;
}

/** Writing and reading back 10,000 entries of `size` bytes: one file each (written atomically) or one file. */
function cacheLayout(size: number): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'bench-layout-'));
  const entry = Buffer.alloc(size, 1);
  const count = 10_000;
  const ms = (work: () => void) => {
    const start = performance.now();
    work();
    return (performance.now() - start).toFixed(0).padStart(8);
  };
  try {
    const writeFiles = ms(() => {
      for (let i = 0; i < count; i++) {
        writeFileSync(join(dir, `${i}.tmp`), entry);
        renameSync(join(dir, `${i}.tmp`), join(dir, `${i}.bin`));
      }
    });
    const readFiles = ms(() => {
      for (let i = 0; i < count; i++) readFileSync(join(dir, `${i}.bin`));
    });
    const segment = join(dir, 'segment');
    const writeSegment = ms(() => {
      const fd = openSync(segment, 'w');
      for (let i = 0; i < count; i++) writeSync(fd, entry);
      closeSync(fd);
    });
    const readSegment = ms(() => {
      const fd = openSync(segment, 'r');
      for (let i = 0; i < count; i++) readSync(fd, Buffer.allocUnsafe(size), 0, size, i * size);
      closeSync(fd);
    });
    return [
      '',
      `cache layout, ${count} entries of ${(size / 1000).toFixed(0)} kB    write ms   read ms`,
      `one file per entry                 ${writeFiles}  ${readFiles}`,
      `one file, positioned reads         ${writeSegment}  ${readSegment}`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const { values } = parseArgs({
  options: { measure: { type: 'string' }, files: { type: 'string', default: '1000,10000' } },
});
if (values.measure) measure(values.measure);
else {
  const sizes = values.files.split(',').map(Number);
  console.log([...inProcess(), ...synthetic(sizes), ...cacheLayout(40_000)].join('\n'));
}
