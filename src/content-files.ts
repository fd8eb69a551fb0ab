/** Reads the paper files from disk: the I/O edge shared by the site build and the command-line tools. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SourceFile } from './pipeline/index.ts';

export const PAPERS_DIR = 'content/papers';

/** Every content/papers/*.md except templates (names starting with "_"), paths relative to `root`. */
export function readPaperFiles(root: string = process.cwd()): SourceFile[] {
  const dir = join(root, PAPERS_DIR);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md') && !name.startsWith('_'))
    .sort()
    .map((name) => {
      const path = join(dir, name);
      return { path: relative(root, path), text: readFileSync(path, 'utf8') };
    });
}
