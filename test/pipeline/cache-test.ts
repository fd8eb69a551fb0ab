/**
 * The per-file cache: an unchanged file is not computed again, a changed one is, a change to the pipeline's code
 * invalidates everything, and a run from the cache gives exactly the data set of a cold run.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cacheKey, memoryCache, type FileCache } from '../../src/pipeline/cache.ts';
import { cacheDir, diskCache } from '../../src/pipeline/disk-cache.ts';
import { checkFiles, runPipeline, type SourceFile } from '../../src/pipeline/index.ts';
import { checkFilesInParallel } from '../../src/pipeline/parallel.ts';
import { formatDiagnostic } from '../../src/pipeline/messages.ts';
import { DOU, REAL_FILES, mutated } from '../helpers.ts';

const real = (): SourceFile[] => REAL_FILES.map(({ path, text }) => ({ path, text }));
/** The real files with one of them broken (a warning and an error), so that diagnostics are cached too. */
const withDiagnostics = (): SourceFile[] => [
  ...real().filter((f) => f.path !== DOU),
  mutated(DOU, 'initial_coulombic_efficiency: 58.9 %', 'initial_coulombic_efficiency: 158.9 %'),
];

/** Counts the results a cache is asked to store: one per file computed. */
function counting(cache: FileCache): FileCache & { stored: string[] } {
  const stored: string[] = [];
  return {
    version: cache.version,
    get: (file) => cache.get(file),
    set: (file, result) => {
      stored.push(file.path);
      return cache.set(file, result);
    },
    stored,
  };
}

describe('in memory', () => {
  test('an unchanged file is not computed again; a changed one is', () => {
    const cache = counting(memoryCache());
    const files = real();
    expect(runPipeline(files, { cache }).fromCache).toBe(0);
    expect(cache.stored).toHaveLength(files.length);

    cache.stored.length = 0;
    expect(runPipeline(files, { cache }).fromCache).toBe(files.length);
    expect(cache.stored).toEqual([]);

    const changed = files.map((f) => (f.path === DOU ? { path: f.path, text: `${f.text}\nMore findings.\n` } : f));
    expect(runPipeline(changed, { cache }).fromCache).toBe(files.length - 1);
    expect(cache.stored).toEqual([DOU]);
  });

  test('the key changes with the code version, the path and the text', () => {
    const file = { path: DOU, text: 'x' };
    const key = cacheKey('one', file);
    expect(cacheKey('one', { ...file })).toBe(key);
    expect(cacheKey('two', file)).not.toBe(key);
    expect(cacheKey('one', { ...file, path: 'content/papers/y.md' })).not.toBe(key);
    expect(cacheKey('one', { ...file, text: 'y' })).not.toBe(key);
  });
});

describe('on disk', () => {
  let root: string;
  let dir: string;
  beforeEach(() => {
    // A project root of its own: the code version is read from its src/pipeline, src/schema and lock file.
    root = mkdtempSync(join(tmpdir(), 'pipeline-cache-'));
    cpSync('src/pipeline', join(root, 'src/pipeline'), { recursive: true });
    cpSync('src/schema', join(root, 'src/schema'), { recursive: true });
    cpSync('package-lock.json', join(root, 'package-lock.json'));
    symlinkSync(resolve('node_modules'), join(root, 'node_modules')); // for the worker threads' imports
    dir = join(root, 'cache');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** One run as check:content or the build does it: open the cache, run, save. */
  function run(files: SourceFile[]) {
    const cache = diskCache({ root, dir });
    const result = runPipeline(files, { cache });
    cache.save();
    return result;
  }

  test('a cached run gives the data set and diagnostics of a cold run, exactly', () => {
    const files = withDiagnostics();
    const cold = runPipeline(files);
    expect(run(files).fromCache).toBe(0);
    const cached = run(files);
    expect(cached.fromCache).toBe(files.length);
    expect(cached.dataset).toStrictEqual(cold.dataset);
    expect(cached.diagnostics.map(formatDiagnostic)).toEqual(cold.diagnostics.map(formatDiagnostic));
    expect(cached.failed).toBe(true);
  });

  test('a changed file is computed again, the others come from the cache', () => {
    const files = real();
    run(files);
    const changed = files.map((f) => (f.path === DOU ? mutated(DOU, 'kind: first-cycle', 'kind: first-cycles') : f));
    const result = run(changed);
    expect(result.fromCache).toBe(files.length - 1);
    expect(result.diagnostics.map((d) => d.id)).toEqual(['E_KIND_UNKNOWN']);
    expect(run(changed).fromCache).toBe(files.length);
  });

  test('a change to the pipeline code invalidates every entry, and the old entries are deleted', () => {
    const files = real();
    run(files);
    const [before] = readdirSync(dir);
    writeFileSync(join(root, 'src/pipeline/derive.ts'), '// changed\n', { flag: 'a' });
    expect(run(files).fromCache).toBe(0);
    expect(readdirSync(dir)).toHaveLength(1);
    expect(readdirSync(dir)).not.toContain(before);
  });

  test('the check across files runs on cached results too', () => {
    const copy = { path: 'content/papers/copy-2024.md', text: real().find((f) => f.path === DOU)!.text };
    run([...real(), copy]);
    const cached = run([...real(), copy]);
    expect(cached.fromCache).toBe(5);
    expect(cached.diagnostics.map((d) => `${d.file} ${d.id}`)).toEqual([`${copy.path} E_DOI_DUPLICATE`]);
    expect(cached.dataset.papers).toHaveLength(4);
  });

  test('two runs at once: each save leaves one whole index, and a damaged index is an empty cache', () => {
    const files = real();
    const first = diskCache({ root, dir });
    const second = diskCache({ root, dir });
    runPipeline(files.slice(0, 2), { cache: first });
    runPipeline(files.slice(2), { cache: second });
    second.save();
    first.save();
    expect(run(files).fromCache).toBe(2); // the last index written wins; the rest are misses

    const [version] = readdirSync(dir);
    writeFileSync(join(dir, version!, 'index.bin'), 'not an index');
    expect(run(files).fromCache).toBe(0);
  });

  test('BATTERY_ATLAS_CACHE_DIR replaces node_modules/.cache/battery-atlas', () => {
    expect(cacheDir('/project')).toBe('/project/node_modules/.cache/battery-atlas/pipeline');
    vi.stubEnv('BATTERY_ATLAS_CACHE_DIR', '/elsewhere');
    try {
      expect(cacheDir('/project')).toBe('/elsewhere/pipeline');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  test('check:content on worker threads gives what checkFiles gives, and fills the cache', async () => {
    // Enough files to start the workers: copies of the real ones, each with its own DOI.
    const files = Array.from({ length: 60 }, (_, i) =>
      withDiagnostics().map((f) => ({
        path: f.path.replace(/\.md$/, `-${i}.md`),
        text: f.text.replace(/^(\s*doi: )(\S+)/m, `$1$2.${i}`),
      })),
    ).flat();
    mkdirSync(dir, { recursive: true });
    const cache = diskCache({ root, dir });
    const parallel = await checkFilesInParallel(files, { cache, root });
    cache.save();
    const serial = checkFiles(files);
    expect(parallel.diagnostics.map(formatDiagnostic)).toEqual(serial.diagnostics.map(formatDiagnostic));
    expect(parallel.accepted.map((r) => r.paper.rows)).toEqual(serial.accepted.map((r) => r.paper.rows));
    expect(run(files).fromCache).toBe(files.length);
  });
});
