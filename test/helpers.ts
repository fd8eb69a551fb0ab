/** Shared test helpers: the real content files, and mutating a copy of one to make a broken fixture. */
import { readFileSync } from 'node:fs';
import { readPaperFiles } from '../src/content-files.ts';
import { runPipeline, type SourceFile } from '../src/pipeline/index.ts';
import { formatDiagnostic } from '../src/pipeline/messages.ts';

export const REAL_FILES = readPaperFiles();
export const DOU = 'content/papers/dou-2024-metastable-bisnsb.md';
export const douText = () => readFileSync(DOU, 'utf8');

/** A copy of a real paper file with `find` replaced by `replace` (which must occur). */
export function mutated(path: string, find: string, replace: string): SourceFile {
  const text = readFileSync(path, 'utf8');
  if (!text.includes(find)) throw new Error(`fixture: "${find}" not in ${path}`);
  return { path, text: text.replace(find, replace) };
}

/** 1-based line of the first occurrence of `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" not found`);
  return text.slice(0, index).split('\n').length;
}

/** Runs the pipeline on files and returns the formatted diagnostics. */
export function diagnosticsOf(...files: SourceFile[]): string[] {
  return runPipeline(files).diagnostics.map(formatDiagnostic);
}
