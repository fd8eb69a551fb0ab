/**
 * The site's single view of the content: runs the pipeline once per build (this module is evaluated once) and
 * fails the build on any content error. Pages and endpoints import the data set from here and nowhere else.
 * Unchanged paper files come from the disk cache that check:content shares (src/pipeline/disk-cache.ts).
 */
import { readPaperFiles } from './content-files.ts';
import { diskCache } from './pipeline/disk-cache.ts';
import { runPipeline, type PipelineResult } from './pipeline/index.ts';
import { formatReport } from './pipeline/report.ts';

const files = readPaperFiles();

/** In a function so that the cache (and its pack buffer) is garbage once the results are out. */
function contentResult(): PipelineResult {
  const cache = diskCache();
  const result = runPipeline(files, { cache });
  cache.save();
  return result;
}

const result = contentResult();
if (result.failed) {
  throw new Error(
    `content/papers has errors; fix them and build again:\n${formatReport(result.diagnostics, files.length)}`,
  );
}

if (result.diagnostics.length > 0) console.warn(formatReport(result.diagnostics, files.length));

export const dataset = result.dataset;
/** Warnings that did not fail the build, shown on the data page as the build report. */
export const diagnostics = result.diagnostics;
