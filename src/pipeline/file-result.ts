/**
 * Everything the pipeline learns from one file on its own, which is what the cache keeps: the file's located
 * diagnostics, its derived paper when it has no error, and its DOI for the one check across files.
 */
import { deserialize, serialize } from 'node:v8';
import { derive, type DerivedPaper } from './derive.ts';
import { loadFast, loadPositioned, type SourceFile } from './load.ts';
import type { Diagnostic } from './messages.ts';
import { normalise } from './normalise.ts';
import { check, locateFinding, type Checked } from './validate.ts';

export interface FileResult {
  diagnostics: Diagnostic[];
  /** The lower-cased DOI of a file whose frontmatter passed the schema. */
  doi?: string;
  /**
   * The file's DerivedPaper when it has no error, v8-serialized until the data set is built (one buffer per file
   * rather than hundreds of objects for the garbage collector to trace, as it is cached and as it crosses
   * threads; v8 keeps undefined, NaN, Infinity and shared objects exactly), and the number of rows it gives.
   */
  paper?: { bytes: Uint8Array; rows: number };
}

function resultFrom({ paper }: Checked, diagnostics: Diagnostic[]): FileResult {
  const result: FileResult = { diagnostics };
  if (!paper) return result;
  const doi = paper.frontmatter.paper.doi?.toLowerCase();
  if (doi !== undefined) result.doi = doi;
  if (diagnostics.some((d) => d.level === 'error')) return result;
  const derived = derive(normalise(paper));
  const rows = derived.results.reduce((count, r) => count + r.points.length, 0);
  result.paper = { bytes: serialize(derived), rows };
  return result;
}

/** The derived paper of a result that has one. */
export function paperOf(result: FileResult): DerivedPaper | undefined {
  return result.paper && (deserialize(result.paper.bytes) as DerivedPaper);
}

/**
 * The positioned road: `yaml`'s own parse, with positions, and every finding located in it (the road every file
 * took before the fast parser). The document is dropped when this function returns.
 */
export function positionedResult(file: SourceFile): FileResult {
  const { loaded, diagnostics } = loadPositioned(file);
  if (!loaded) return { diagnostics };
  const checked = check(loaded);
  return resultFrom(
    checked,
    checked.findings.map((finding) => locateFinding(loaded, finding)),
  );
}

/**
 * A file's result: by the fast road when the file has nothing to report, and otherwise (a js-yaml error or
 * anything the fast parser declines, or any finding of any level) by the positioned road, so that every message
 * is exactly as located, and worded, as on that road.
 */
export function fileResult(file: SourceFile): FileResult {
  const fast = loadFast(file);
  const checked = fast && check(fast, { reportInput: false });
  return checked && checked.findings.length === 0 ? resultFrom(checked, []) : positionedResult(file);
}
