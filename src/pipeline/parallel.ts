/**
 * checkFiles for a cold cache: the files the cache lacks are computed on worker threads (piscina), a batch per
 * task, and stored; hits come from the cache on the main thread. Same CheckResult as checkFiles, same order.
 * An effect for callers (check:content); the pipeline itself stays synchronous and pure.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import type { FileCache } from './cache.ts';
import { fileResult, type FileResult } from './file-result.ts';
import { combine, type CheckResult } from './index.ts';
import type { SourceFile } from './load.ts';

/** Below this many files to compute, starting workers (each loads the schema and parsers) costs more than it saves. */
const MIN_FOR_WORKERS = 200;
const BATCH = 50;

export async function checkFilesInParallel(
  files: readonly SourceFile[],
  { cache, root = process.cwd() }: { cache?: FileCache; root?: string } = {},
): Promise<CheckResult> {
  const results: FileResult[] = [];
  const threads = Math.min(2, availableParallelism());
  let pool: Piscina<SourceFile[], FileResult[]> | undefined;
  let fromCache = 0;
  let computed = 0;
  let next = 0;
  const store = (index: number, file: SourceFile, result: FileResult) => {
    results[index] = cache ? cache.set(file, result) : result;
  };

  /**
   * Looks at the files in turn, a batch at a time: a hit is taken from the cache, and the misses of a batch are
   * computed here while they are few (a one-file change) and on the pool once there are many. Several feeds run
   * at once, so the main thread reads and hashes the next files while the workers compute, and each text is read
   * once, just before it is needed: the texts of 10,000 files are never in memory together.
   */
  const feed = async () => {
    while (next < files.length) {
      const batch: { index: number; file: SourceFile }[] = [];
      for (; next < files.length && batch.length < BATCH; next++) {
        const file = { path: files[next]!.path, text: files[next]!.text };
        const hit = cache?.get(file);
        if (hit) {
          results[next] = hit;
          fromCache++;
        } else batch.push({ index: next, file });
      }
      computed += batch.length;
      if (computed < MIN_FOR_WORKERS) {
        for (const { index, file } of batch) store(index, file, fileResult(file));
        continue;
      }
      // The worker is loaded from the source tree (the Astro build bundles this module elsewhere).
      pool ??= new Piscina({
        filename: join(root, 'src/pipeline/file-worker.ts'),
        maxThreads: threads,
        // A larger young generation: fewer scavenges of the parse's short-lived objects (about 5 % faster).
        resourceLimits: { maxYoungGenerationSizeMb: 96 },
      });
      const batchResults = await pool.run(batch.map(({ file }) => file));
      batch.forEach(({ index, file }, i) => store(index, file, batchResults[i]!));
    }
  };
  try {
    await Promise.all(Array.from({ length: 2 * threads }, feed));
  } finally {
    await pool?.destroy();
  }
  return combine(files, results, fromCache);
}
