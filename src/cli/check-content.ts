/**
 * npm run check:content [--no-cache] [files…]: validate the paper files (default: all of content/papers) and print
 * every diagnostic as file:line:column, then one summary line. Exits 1 when there is any error. Results of
 * unchanged files come from the disk cache (see src/pipeline/disk-cache.ts); --no-cache computes every file.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { readPaperFiles } from '../content-files.ts';
import { diskCache } from '../pipeline/disk-cache.ts';
import { checkFilesInParallel } from '../pipeline/parallel.ts';
import { formatDiagnostic } from '../pipeline/messages.ts';
import { summary } from '../pipeline/report.ts';

const args = process.argv.slice(2);
const useCache = !args.includes('--no-cache');
const paths = args.filter((arg) => arg !== '--no-cache');
const files = paths.length > 0 ? paths.map((path) => ({ path, text: readFileSync(path, 'utf8') })) : readPaperFiles();
const cache = useCache ? diskCache() : undefined;
// The data set itself is not built: the check needs only the diagnostics and the counts.
const { diagnostics, failed, accepted, fromCache } = await checkFilesInParallel(files, { cache });
const rows = accepted.reduce((count, result) => count + result.paper.rows, 0);
cache?.save();
for (const diagnostic of diagnostics) console.log(formatDiagnostic(diagnostic));
const seconds = (performance.now() / 1000).toFixed(2); // since the process started
console.log(
  `${summary(diagnostics, files.length)}; ${rows} data row(s) from ${accepted.length} paper(s); ` +
    `${seconds} s, ${useCache ? `${fromCache} file(s) from the cache` : 'cache off'}`,
);
process.exitCode = failed ? 1 : 0;
