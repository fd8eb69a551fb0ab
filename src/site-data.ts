/**
 * The site's single view of the content: runs the pipeline once per build (this module is evaluated once) and
 * fails the build on any content error. Pages and endpoints import the data set from here and nowhere else.
 */
import { readPaperFiles } from './content-files.ts';
import { runPipeline } from './pipeline/index.ts';
import { formatReport } from './pipeline/report.ts';

const files = readPaperFiles();
const result = runPipeline(files);
if (result.failed) {
  throw new Error(
    `content/papers has errors; fix them and build again:\n${formatReport(result.diagnostics, files.length)}`,
  );
}

if (result.diagnostics.length > 0) console.warn(formatReport(result.diagnostics, files.length));

export const dataset = result.dataset;
/** Warnings that did not fail the build, shown on the data page as the build report. */
export const diagnostics = result.diagnostics;
