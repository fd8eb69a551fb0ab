/** Reads the paper files from disk: the I/O edge shared by the site build and the command-line tools. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SourceFile } from './pipeline/index.ts';

export const PAPERS_DIR = 'content/papers';

/**
 * Every content/papers/*.md except templates (names starting with "_"), paths relative to `root`. A file's text
 * is read from disk each time it is asked for and not kept, so that 10,000 files (over 200 MB) never sit in
 * memory at once: a cached run reads each file once, to hash it.
 */
export function readPaperFiles(root: string = process.cwd()): SourceFile[] {
  const dir = join(root, PAPERS_DIR);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md') && !name.startsWith('_'))
    .sort()
    .map((name) => {
      const path = join(dir, name);
      return {
        path: relative(root, path),
        get text() {
          return readFileSync(path, 'utf8');
        },
      };
    });
}
