/**
 * The one road from content/ to every number on the site: load → validate → normalise → derive → dataset.
 * Pure: it takes the files' text and returns the data set with every diagnostic; callers do the I/O, and may pass
 * a cache (an effect) that returns each unchanged file's result instead of computing it again.
 */
import type { FileCache } from './cache.ts';
import { buildDataset, type Dataset } from './dataset.ts';
import { fileResult, paperOf, type FileResult } from './file-result.ts';
import { loadPositioned, type SourceFile } from './load.ts';
import type { Diagnostic } from './messages.ts';
import { sortDiagnostics } from './report.ts';
import { duplicateDoi, locateFinding } from './validate.ts';

/** The result of a file whose paper goes into the data set. */
export type Accepted = FileResult & { paper: NonNullable<FileResult['paper']> };
const isAccepted = (result: FileResult): result is Accepted => result.paper !== undefined;

export interface PipelineOptions {
  cache?: FileCache;
}

export interface CheckResult {
  diagnostics: Diagnostic[];
  /** True when any diagnostic is an error: the build and check:content must fail. */
  failed: boolean;
  /** How many files' results came from the cache. */
  fromCache: number;
  /** The results of the files that go into the data set (no error), in input order. */
  accepted: Accepted[];
}

export interface PipelineResult extends Omit<CheckResult, 'accepted'> {
  dataset: Dataset;
}

/** The file's result from the cache, or computed (and then stored); `hit` says which. */
function resultOf(file: SourceFile, cache: FileCache | undefined): { result: FileResult; hit: boolean } {
  const cached = cache?.get(file);
  if (cached) return { result: cached, hit: true };
  const result = fileResult(file);
  return { result: cache ? cache.set(file, result) : result, hit: false };
}

/** E_DOI_DUPLICATE, located by parsing the file again with positions (a rare error, so only then). */
function duplicateDoiDiagnostic(file: SourceFile, doi: string, owner: string): Diagnostic {
  const { loaded } = loadPositioned(file);
  if (!loaded) throw new Error(`${file.path}: passed the schema but does not parse with positions`);
  return locateFinding(loaded, duplicateDoi(doi, owner));
}

/**
 * The files' own results (in input order) made into the run's result: the check across files, which runs on
 * every run whatever the cache holds, and the diagnostics in report order.
 */
export function combine(files: readonly SourceFile[], results: readonly FileResult[], fromCache: number): CheckResult {
  const diagnostics: Diagnostic[] = [];
  const accepted: Accepted[] = [];
  const doiOwners = new Map<string, string>();
  files.forEach((file, index) => {
    const result = results[index]!;
    diagnostics.push(...result.diagnostics);
    // The first file (in input order) owns a DOI; a later one is an error and stays out of the data set.
    const owner = result.doi === undefined ? undefined : doiOwners.get(result.doi);
    if (owner !== undefined) diagnostics.push(duplicateDoiDiagnostic(file, result.doi!, owner));
    else if (result.doi !== undefined) doiOwners.set(result.doi, file.path);
    if (owner === undefined && isAccepted(result)) accepted.push(result);
  });
  return {
    diagnostics: sortDiagnostics(diagnostics),
    failed: diagnostics.some((d) => d.level === 'error'),
    fromCache,
    accepted,
  };
}

/** Every file's diagnostics, the check across files included, and the results that go into the data set. */
export function checkFiles(files: readonly SourceFile[], { cache }: PipelineOptions = {}): CheckResult {
  let fromCache = 0;
  const results = files.map(({ path, text }) => {
    // One read of the text per file (content-files.ts reads it from disk on each access), kept for this file only.
    const { result, hit } = resultOf({ path, text }, cache);
    if (hit) fromCache++;
    return result;
  });
  return combine(files, results, fromCache);
}

export function runPipeline(files: readonly SourceFile[], options: PipelineOptions = {}): PipelineResult {
  const { accepted, ...checked } = checkFiles(files, options);
  return { ...checked, dataset: buildDataset(accepted.map((result) => paperOf(result)!)) };
}

export type { SourceFile } from './load.ts';
export type { FileCache } from './cache.ts';
