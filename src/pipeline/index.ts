/**
 * The one road from content/ to every number on the site: load → validate → normalise → derive → dataset.
 * Pure: it takes the files' text and returns the data set with every diagnostic; callers do the I/O.
 */
import { buildDataset, type Dataset } from './dataset.ts';
import { derive } from './derive.ts';
import { load, type LoadedFile, type SourceFile } from './load.ts';
import type { Diagnostic } from './messages.ts';
import { normalise } from './normalise.ts';
import { sortDiagnostics } from './report.ts';
import { validate } from './validate.ts';

export interface PipelineResult {
  dataset: Dataset;
  diagnostics: Diagnostic[];
  /** True when any diagnostic is an error: the build and check:content must fail. */
  failed: boolean;
}

export function runPipeline(files: readonly SourceFile[]): PipelineResult {
  const diagnostics: Diagnostic[] = [];
  const loaded: LoadedFile[] = [];
  for (const file of files) {
    const result = load(file);
    diagnostics.push(...result.diagnostics);
    if (result.loaded) loaded.push(result.loaded);
  }
  const validated = validate(loaded);
  diagnostics.push(...validated.diagnostics);
  const dataset = buildDataset(validated.papers.map((paper) => derive(normalise(paper))));
  return { dataset, diagnostics: sortDiagnostics(diagnostics), failed: diagnostics.some((d) => d.level === 'error') };
}

export type { SourceFile } from './load.ts';
