/** A worker thread of parallel.ts: the results of a batch of files, exactly as fileResult gives them. */
import { fileResult, type FileResult } from './file-result.ts';
import type { SourceFile } from './load.ts';

export default function results(files: SourceFile[]): FileResult[] {
  return files.map(fileResult);
}
