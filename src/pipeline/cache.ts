/**
 * The per-file cache, an effect the caller passes to runPipeline: a file whose path and text (and the pipeline
 * code) are unchanged gets its FileResult back without being parsed again. disk-cache.ts keeps it across runs.
 */
import { hash } from 'node:crypto';
import type { FileResult } from './file-result.ts';
import type { SourceFile } from './load.ts';

export interface FileCache {
  /** Changes whenever the pipeline's code does; part of every key. */
  readonly version: string;
  /** The result stored for this path and text, if any. */
  get(file: SourceFile): FileResult | undefined;
  /** Stores the result and returns it as the cache keeps it (which may hold less in memory). */
  set(file: SourceFile, result: FileResult): FileResult;
}

/** hash(code version + path + text): the identity of one file's result. */
export function cacheKey(version: string, file: SourceFile): string {
  return hash('sha256', `${version}\0${file.path}\0${file.text}`, 'base64url');
}

/** A cache that lives as long as the object, for tests and for several runs in one process. */
export function memoryCache(version = 'memory'): FileCache {
  const entries = new Map<string, FileResult>();
  return {
    version,
    get: (file) => entries.get(cacheKey(version, file)),
    set: (file, result) => {
      entries.set(cacheKey(version, file), result);
      return result;
    },
  };
}
