/**
 * The per-file cache on disk, for the site build and check:content (the one module of the pipeline that does
 * I/O). Everything lives in `<cache dir>/pipeline/<code version>/`; a new code version starts a new directory and
 * the others are deleted.
 *
 * - `index.bin`: for every path, the key of the text its result was computed from, the result without its paper
 *   (diagnostics, DOI, row count), and where the paper's bytes are. Small: read whole at start, written whole at
 *   the end of a run that changed something.
 * - `<segment>.papers`: the papers (FileResult.paper bytes) computed by one run, appended one after another to a
 *   new file. A paper is read only when the data set is built (check:content never reads one), with one
 *   positioned read. One file per run rather than one per paper: creating 10,000 files costs more than
 *   computing them (bench/run.ts measures both).
 *
 * Two processes may run at once. Nothing is overwritten in place: a segment has a new name and is complete before
 * any index names it, and the index is written to a temporary file and renamed into place, so a reader sees one
 * whole index or another; the last one written wins (the other run's new entries are misses later). Segments no
 * index names are deleted once they are an hour old (younger ones may belong to a run still going).
 */
import { hash, randomUUID } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { cacheKey, type FileCache } from './cache.ts';
import type { FileResult } from './file-result.ts';
import type { SourceFile } from './load.ts';

/** The code the cached results depend on: the pipeline, the schema, and the locked dependency versions. */
const CODE = ['src/pipeline', 'src/schema', 'package-lock.json'];
const SEGMENT = '.papers';
const STALE_MS = 60 * 60 * 1000;

export interface DiskCache extends FileCache {
  /** Writes the index if this run added or changed an entry, and closes the cache's files. */
  save(): void;
}

/** `$BATTERY_ATLAS_CACHE_DIR/pipeline`, by default node_modules/.cache/battery-atlas/pipeline under `root`. */
export function cacheDir(root: string = process.cwd()): string {
  const base = process.env.BATTERY_ATLAS_CACHE_DIR || join(root, 'node_modules/.cache/battery-atlas');
  return join(base, 'pipeline');
}

function filesUnder(root: string, path: string): string[] {
  if (path.endsWith('.json')) return [join(root, path)];
  const entries = readdirSync(join(root, path), { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** A hash of the pipeline's code as it is on disk now, so that any change to it invalidates every entry. */
export function codeVersion(root: string = process.cwd()): string {
  const files = CODE.flatMap((path) => filesUnder(root, path)).sort();
  return hash('sha256', files.map((file) => `${file}\0${readFileSync(file, 'utf8')}`).join('\0'), 'base64url');
}

/** What the index keeps for a path. */
interface IndexEntry {
  /** cacheKey of the text the result was computed from. */
  key: string;
  diagnostics: FileResult['diagnostics'];
  doi?: string;
  paper?: { rows: number; segment: string; offset: number; length: number };
}

function readIndex(file: string): Map<string, IndexEntry> {
  try {
    return deserialize(readFileSync(file)) as Map<string, IndexEntry>;
  } catch {
    return new Map(); // none yet, or unreadable: an empty cache
  }
}

export function diskCache({
  root = process.cwd(),
  dir = cacheDir(root),
}: { root?: string; dir?: string } = {}): DiskCache {
  const version = codeVersion(root);
  const versionDir = join(dir, version);
  const index = readIndex(join(versionDir, 'index.bin'));
  /** Open segments, by name: a segment is opened at the first hit in it, so it stays readable for this run. */
  const readers = new Map<string, number>();
  let writer: { segment: string; fd: number; offset: number } | undefined;
  let changed = false;

  function reader(segment: string): number | undefined {
    if (!readers.has(segment)) {
      try {
        readers.set(segment, openSync(join(versionDir, segment), 'r'));
      } catch {
        return undefined; // deleted: the entries in it are misses
      }
    }
    return readers.get(segment);
  }

  /** The result as kept: the paper's bytes are read from its segment only when asked for. */
  function resultOf(entry: IndexEntry, fd: number | undefined): FileResult {
    const result: FileResult = { diagnostics: entry.diagnostics };
    if (entry.doi !== undefined) result.doi = entry.doi;
    const { paper } = entry;
    if (paper && fd !== undefined)
      result.paper = {
        rows: paper.rows,
        get bytes() {
          const bytes = Buffer.allocUnsafe(paper.length);
          readSync(fd, bytes, 0, paper.length, paper.offset);
          return bytes;
        },
      };
    return result;
  }

  function append(bytes: Uint8Array): { segment: string; offset: number; length: number } {
    if (!writer) {
      mkdirSync(versionDir, { recursive: true });
      const segment = `${randomUUID()}${SEGMENT}`;
      // Read-write: papers written in this run are read back through the same descriptor.
      writer = { segment, fd: openSync(join(versionDir, segment), 'w+'), offset: 0 };
      readers.set(segment, writer.fd);
    }
    const at = { segment: writer.segment, offset: writer.offset, length: bytes.length };
    writeSync(writer.fd, bytes);
    writer.offset += bytes.length;
    return at;
  }

  function deleteStale(): void {
    for (const name of readdirSync(dir))
      if (name !== version) rmSync(join(dir, name), { recursive: true, force: true });
    const named = new Set([...index.values()].flatMap((entry) => (entry.paper ? [entry.paper.segment] : [])));
    for (const name of readdirSync(versionDir)) {
      const path = join(versionDir, name);
      if (name.endsWith(SEGMENT) && !named.has(name) && Date.now() - statSync(path).mtimeMs > STALE_MS)
        rmSync(path, { force: true });
    }
  }

  return {
    version,
    get(source: SourceFile) {
      const entry = index.get(source.path);
      if (entry?.key !== cacheKey(version, source)) return undefined;
      const fd = entry.paper && reader(entry.paper.segment);
      if (entry.paper && fd === undefined) return undefined;
      return resultOf(entry, fd);
    },
    set(source: SourceFile, result: FileResult) {
      const entry: IndexEntry = { key: cacheKey(version, source), diagnostics: result.diagnostics };
      if (result.doi !== undefined) entry.doi = result.doi;
      if (result.paper) entry.paper = { rows: result.paper.rows, ...append(result.paper.bytes) };
      index.set(source.path, entry);
      changed = true;
      // Kept without its bytes, which are read back only if the data set is built.
      return resultOf(entry, entry.paper && reader(entry.paper.segment));
    },
    save() {
      writer = undefined; // its descriptor is closed with the readers below
      if (changed) {
        const indexFile = join(versionDir, 'index.bin');
        const temporary = `${indexFile}.${randomUUID()}.tmp`;
        writeFileSync(temporary, serialize(index));
        renameSync(temporary, indexFile);
        deleteStale();
        changed = false;
      }
      for (const fd of readers.values()) closeSync(fd);
      readers.clear();
    },
  };
}
