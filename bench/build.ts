/**
 * npm run bench [-- --papers 100,1000,10000] [--keep]: the site's build against a bare Astro build of the same
 * page count. Per size it writes a synthetic corpus into a copy of this project ("ours") and as many plain Markdown
 * pages of the same sizes into bench/bare/template ("bare"), then measures, interleaved, cold builds of both, a
 * warm rebuild of ours after a one-paper change, check:content cold and cached, and the weight of the output.
 * See bench/README.md for what each number means. Exits 1, with the last 40 lines of output, when a step fails.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  closeSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { SourceFile } from '../src/pipeline/index.ts';
import { markdownPages } from './bare/markdown-pages.ts';
import { changeOneNumber, syntheticCorpus } from './synthetic.ts';

const PROJECT_ROOT = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const BARE_TEMPLATE = join(PROJECT_ROOT, 'bench/bare/template');
/** Top-level entries of the project that a workspace does not copy: dependencies, outputs, history. */
const NOT_COPIED = new Set(['node_modules', 'dist', '.astro', '.git', 'scratch', 'test-results', 'figures-out']);
const RSS_POLL_MS = 150;
const PAGE_BYTES = Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }));
/** Sizes up to this many papers get two interleaved cold builds of each; larger ones one. */
const REPEAT_UP_TO = 1000;

const MiB = 1024 * 1024;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

// ------------------------------------------------------------------------------------------ workspaces

/**
 * A real node_modules directory holding a symlink to each of the project's entries, so that the caches Astro,
 * Vite and the site write under node_modules/ stay inside the workspace. The project's own cache directories
 * (dot-entries other than .bin) are not linked.
 */
function linkNodeModules(workspace: string): void {
  const source = join(PROJECT_ROOT, 'node_modules');
  const target = join(workspace, 'node_modules');
  mkdirSync(target);
  for (const entry of readdirSync(source)) {
    if (entry.startsWith('.') && entry !== '.bin') continue;
    symlinkSync(join(source, entry), join(target, entry));
  }
}

function writeFiles(root: string, files: readonly SourceFile[]): void {
  for (const file of files) {
    mkdirSync(dirname(join(root, file.path)), { recursive: true });
    writeFileSync(join(root, file.path), file.text);
  }
}

function oursWorkspace(dir: string, corpus: readonly SourceFile[]): string {
  const workspace = join(dir, 'ours');
  cpSync(PROJECT_ROOT, workspace, {
    recursive: true,
    filter: (source) => {
      const path = relative(PROJECT_ROOT, source);
      if (NOT_COPIED.has(path.split('/')[0]!)) return false;
      return !/^content\/papers\/[^_][^/]*\.md$/.test(path);
    },
  });
  linkNodeModules(workspace);
  writeFiles(workspace, corpus);
  return workspace;
}

function bareWorkspace(dir: string, corpus: readonly SourceFile[]): string {
  const workspace = join(dir, 'bare');
  cpSync(BARE_TEMPLATE, workspace, { recursive: true });
  linkNodeModules(workspace);
  writeFiles(workspace, markdownPages(corpus.map((file) => Buffer.byteLength(file.text))));
  return workspace;
}

/** Removes the build output and every cache the build may have written, so the next build is cold. */
function makeCold(workspace: string): void {
  rmSync(join(workspace, 'dist'), { recursive: true, force: true });
  rmSync(join(workspace, '.astro'), { recursive: true, force: true });
  const modules = join(workspace, 'node_modules');
  for (const entry of readdirSync(modules)) {
    const path = join(modules, entry);
    if (!lstatSync(path).isSymbolicLink()) rmSync(path, { recursive: true, force: true });
  }
}

// ----------------------------------------------------------------------------------------- measuring

interface Measurement {
  wallS: number;
  /** user + sys of the command and every child it waited for (GNU time). */
  cpuS: number;
  /** Peak over time of the summed RSS of the whole process tree. */
  treeRssBytes: number;
  /** The largest RSS of any single process of the tree (GNU time's %M). */
  processRssBytes: number;
}

/** Every process's parent and RSS, read from /proc. */
function processTable(): Map<number, { parent: number; rssBytes: number }> {
  const table = new Map<number, { parent: number; rssBytes: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): state, ppid, …; rss (in pages) is field 24.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(entry), { parent: Number(fields[1]), rssBytes: Number(fields[21]) * PAGE_BYTES });
    } catch {
      // The process ended between listing and reading.
    }
  }
  return table;
}

function treeRss(root: number): number {
  const table = processTable();
  const children = new Map<number, number[]>();
  for (const [pid, { parent }] of table) children.set(parent, [...(children.get(parent) ?? []), pid]);
  let total = 0;
  const queue = [root];
  for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
    total += table.get(pid)?.rssBytes ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

function lastLines(path: string, count: number): string {
  return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-count).join('\n');
}

function fail(what: string, log: string): never {
  console.error(`\n${what} failed; the last 40 lines of its output (${log}):\n${lastLines(log, 40)}`);
  process.exit(1);
}

/** Runs `command` in `cwd` under GNU time, sampling the process tree's RSS; fails the bench when it fails. */
async function measure(what: string, command: string[], cwd: string, log: string): Promise<Measurement> {
  console.error(`  ${what}…`);
  const timeFile = `${log}.time`;
  const out = openSync(log, 'w');
  const env = {
    ...process.env,
    PATH: `${join(cwd, 'node_modules/.bin')}:${process.env.PATH}`,
    BATTERY_ATLAS_CACHE_DIR: join(cwd, 'node_modules/.cache/battery-atlas'),
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  const child = spawn('/usr/bin/time', ['-f', '%e %U %S %M', '-o', timeFile, ...command], {
    cwd,
    env,
    stdio: ['ignore', out, out],
  });
  let peak = 0;
  const poll = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), RSS_POLL_MS);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(poll);
  closeSync(out);
  if (code !== 0) fail(what, log);
  const [wall, user, sys, maxKib] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  return { wallS: wall!, cpuS: user! + sys!, treeRssBytes: peak, processRssBytes: maxKib! * 1024 };
}

// ------------------------------------------------------------------------------------------- output

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

interface Weight {
  label: string;
  /** Path inside dist/, or undefined when the page is not there. */
  path?: string;
  rawBytes: number;
  gzipBytes: number;
}

function weigh(dist: string, label: string, path: string | undefined): Weight {
  if (!path || !existsSync(join(dist, path))) return { label, rawBytes: 0, gzipBytes: 0 };
  const bytes = readFileSync(join(dist, path));
  return { label, path, rawBytes: bytes.length, gzipBytes: gzipSync(bytes).length };
}

/** What the explorer loads: the largest rows file (rows.json today, whatever format it has later) of a figure. */
function explorerData(dist: string): string | undefined {
  const figures = join(dist, 'figures');
  if (!existsSync(figures)) return undefined;
  const candidates = walk(figures)
    .filter((path) => relative(figures, path).includes('/') && /rows[^/]*\.(json|ndjson|bin|arrow|parquet)$/.test(path))
    .sort((a, b) => statSync(b).size - statSync(a).size);
  return candidates[0] && relative(dist, candidates[0]);
}

interface Output {
  pages: number;
  distBytes: number;
  weights: Weight[];
  /** The heaviest HTML page after gzip, among the 20 largest before it. */
  heaviestPage: Weight;
}

function inspectOutput(workspace: string, paperId: string): Output {
  const dist = join(workspace, 'dist');
  const files = walk(dist).map((path) => ({ path: relative(dist, path), bytes: statSync(path).size }));
  const html = files.filter((file) => file.path.endsWith('.html')).sort((a, b) => b.bytes - a.bytes);
  const heaviestPage = html
    .slice(0, 20)
    .map((file) => weigh(dist, 'largest HTML page', file.path))
    .reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a));
  return {
    pages: html.length,
    distBytes: files.reduce((sum, file) => sum + file.bytes, 0),
    weights: [
      weigh(dist, 'home', 'index.html'),
      weigh(dist, 'paper page', `papers/${paperId}/index.html`),
      weigh(dist, '/materials/', 'materials/index.html'),
      weigh(dist, 'figure page', 'figures/capacity-vs-cycles/index.html'),
      weigh(dist, "explorer's data", explorerData(dist)),
    ],
    heaviestPage,
  };
}

function countPages(workspace: string): number {
  return walk(join(workspace, 'dist')).filter((path) => path.endsWith('.html')).length;
}

// ---------------------------------------------------------------------------------------------- run

interface SizeResult {
  papers: number;
  bare: Measurement[];
  ours: Measurement[];
  warm: Measurement;
  checkCold: Measurement;
  checkCached: Measurement;
  output: Output;
  barePages: number;
  bareDistBytes: number;
  averageFileBytes: number;
}

const NPM_BUILD = ['npm', 'run', '--silent', 'build'];

async function benchSize(papers: number, keep: boolean): Promise<SizeResult> {
  console.error(`\n${papers} papers: writing workspaces…`);
  const corpus = syntheticCorpus(papers);
  const dir = mkdtempSync(join(tmpdir(), `battery-atlas-bench-${papers}-`));
  const ours = oursWorkspace(dir, corpus);
  const bare = bareWorkspace(dir, corpus);
  const logs = join(dir, 'logs');
  mkdirSync(logs);
  const cacheDir = join(ours, 'node_modules/.cache/battery-atlas');

  rmSync(cacheDir, { recursive: true, force: true });
  const check = ['npm', 'run', '--silent', 'check:content'];
  const checkCold = await measure('check:content, cold', check, ours, join(logs, 'check-cold.log'));
  const checkCached = await measure('check:content, cached', check, ours, join(logs, 'check-cached.log'));

  const runs = papers <= REPEAT_UP_TO ? 2 : 1;
  const bareRuns: Measurement[] = [];
  const oursRuns: Measurement[] = [];
  for (let run = 1; run <= runs; run++) {
    makeCold(bare);
    bareRuns.push(await measure(`bare cold build ${run}/${runs}`, NPM_BUILD, bare, join(logs, `bare-${run}.log`)));
    makeCold(ours);
    oursRuns.push(await measure(`ours cold build ${run}/${runs}`, NPM_BUILD, ours, join(logs, `ours-${run}.log`)));
  }
  const changed = changeOneNumber(corpus);
  writeFiles(ours, [changed]);
  const warm = await measure('ours warm rebuild', NPM_BUILD, ours, join(logs, 'ours-warm.log'));

  const paperId = corpus[0]!.path.replace(/^.*\//, '').replace(/\.md$/, '');
  const result: SizeResult = {
    papers,
    bare: bareRuns,
    ours: oursRuns,
    warm,
    checkCold,
    checkCached,
    output: inspectOutput(ours, paperId),
    barePages: countPages(bare),
    bareDistBytes: walk(join(bare, 'dist')).reduce((sum, path) => sum + statSync(path).size, 0),
    averageFileBytes: corpus.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0) / corpus.length,
  };
  if (keep) console.error(`  workspaces kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
  return result;
}

function row(label: string, cells: string[], labelWidth = 34, cellWidth = 12): string {
  return label.padEnd(labelWidth) + cells.map((cell) => cell.padStart(cellWidth)).join('');
}

const seconds = (s: number) => s.toFixed(2);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

function cold(runs: Measurement[]): Measurement {
  return {
    wallS: median(runs.map((m) => m.wallS)),
    cpuS: median(runs.map((m) => m.cpuS)),
    treeRssBytes: Math.max(...runs.map((m) => m.treeRssBytes)),
    processRssBytes: Math.max(...runs.map((m) => m.processRssBytes)),
  };
}

function sizeTable(r: SizeResult): string {
  const measured = (label: string, m: Measurement) =>
    row(label, [seconds(m.wallS), seconds(m.cpuS), mib(m.treeRssBytes), mib(m.processRssBytes)]);
  const bare = cold(r.bare);
  const ours = cold(r.ours);
  const lines = [
    `== ${r.papers.toLocaleString('en')} papers (files of ${kib(r.averageFileBytes)} on average; ` +
      `bare: as many Markdown pages of the same sizes) ==`,
    row('', ['wall s', 'CPU s', 'peak RSS', 'max 1 proc']),
    ...r.bare.flatMap((m, i) => [
      measured(`bare cold, run ${i + 1}`, m),
      measured(`ours cold, run ${i + 1}`, r.ours[i]!),
    ]),
    row('ours / bare (median of runs)', [
      ratio(ours.wallS, bare.wallS),
      ratio(ours.cpuS, bare.cpuS),
      ratio(ours.treeRssBytes, bare.treeRssBytes),
      ratio(ours.processRssBytes, bare.processRssBytes),
    ]),
    measured('ours warm, one paper changed', r.warm),
    row('warm / ours cold', [ratio(r.warm.wallS, ours.wallS), ratio(r.warm.cpuS, ours.cpuS)]),
    measured('check:content cold', r.checkCold),
    measured('check:content cached', r.checkCached),
    '',
    `pages: ours ${r.output.pages}, bare ${r.barePages}; dist: ours ${mib(r.output.distBytes)}, bare ${mib(r.bareDistBytes)}`,
    row('weight', ['raw', 'gzip', '', 'file']).trimEnd(),
    ...[...r.output.weights, r.output.heaviestPage].map((w) =>
      w.path ? `${row(w.label, [kib(w.rawBytes), kib(w.gzipBytes)])}    ${w.path}` : row(w.label, ['not built', '']),
    ),
  ];
  return lines.join('\n');
}

const summaryRow = (label: string, cells: string[]) => row(label, cells, 8, 12);

function summary(results: SizeResult[]): string {
  const lines = [
    '== summary ==',
    summaryRow('papers', [
      'bare wall',
      'ours wall',
      'wall ratio',
      'CPU ratio',
      'peak RSS',
      'warm/cold',
      'check cold',
      'cached',
      'max page gz',
    ]),
    ...results.map((r) => {
      const bare = cold(r.bare);
      const ours = cold(r.ours);
      return summaryRow(r.papers.toLocaleString('en'), [
        seconds(bare.wallS),
        seconds(ours.wallS),
        ratio(ours.wallS, bare.wallS),
        ratio(ours.cpuS, bare.cpuS),
        mib(ours.treeRssBytes),
        ratio(r.warm.wallS, ours.wallS),
        seconds(r.checkCold.wallS),
        seconds(r.checkCached.wallS),
        kib(r.output.heaviestPage.gzipBytes),
      ]);
    }),
    'Goals (issue 7): wall ratio ≤ 1.30× at 1,000 and 10,000; peak RSS ≤ 2.5 GiB; warm/cold ≤ 0.30×;',
    'check:content of 10,000 files ≤ 10 s cold and ≤ 2 s cached; every HTML page ≤ 100 KB gzip at 10,000.',
  ];
  return lines.join('\n');
}

function machine(): string {
  const astro = JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules/astro/package.json'), 'utf8')).version;
  return (
    `machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 1024 ** 3).toFixed(0)} GiB; ` +
    `Node ${process.version}; Astro ${astro}`
  );
}

const { values } = parseArgs({
  options: { papers: { type: 'string', default: '100,1000' }, keep: { type: 'boolean', default: false } },
});
const sizes = values.papers.split(',').map((size) => Number(size.replace(/_/g, '')));
if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
  console.error(`--papers takes whole numbers separated by commas, e.g. 100,1000; got "${values.papers}"`);
  process.exit(2);
}

console.log(machine());
const results: SizeResult[] = [];
for (const papers of sizes) {
  const result = await benchSize(papers, values.keep);
  results.push(result);
  console.log(`\n${sizeTable(result)}`);
}
console.log(`\n${summary(results)}`);
