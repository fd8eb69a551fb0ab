/**
 * npm run check:content [files…]: validate the paper files (default: all of content/papers) and print every
 * diagnostic as file:line:column. Exits 1 when there is any error.
 */
import { readFileSync } from 'node:fs';
import { readPaperFiles } from '../content-files.ts';
import { runPipeline } from '../pipeline/index.ts';
import { formatReport } from '../pipeline/report.ts';

const args = process.argv.slice(2);
const files = args.length > 0 ? args.map((path) => ({ path, text: readFileSync(path, 'utf8') })) : readPaperFiles();
const { diagnostics, failed, dataset } = runPipeline(files);
console.log(formatReport(diagnostics, files.length));
if (!failed) console.log(`${dataset.rows.length} data rows from ${dataset.papers.length} paper(s)`);
process.exitCode = failed ? 1 : 0;
