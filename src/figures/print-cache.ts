/**
 * A disk cache of rendered figure files, content-addressed: an entry's key is a hash of what it is rendered from
 * (the figure's Vega-Lite spec, the preset, and the renderer version), so an entry never goes stale and a figure
 * whose spec is unchanged is never rendered again, in this build or the next. Each entry is a directory holding the
 * layout's metadata, its SVG and the print files made from it so far.
 *
 * The directory is `node_modules/.cache/battery-atlas/figures/` (BATTERY_ATLAS_CACHE_DIR replaces
 * `node_modules/.cache/battery-atlas`); it can be saved and restored as a CI cache. Every file is written to a
 * temporary name and renamed into place, so two processes can fill the cache at once and a reader never sees a
 * partial file. Entries not used for PRUNE_AFTER_DAYS are removed by `prune`.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const PRUNE_AFTER_DAYS = 14;

/** The cache root for every cache of this project (figures/ is this module's). */
export function cacheRoot(root = process.cwd()): string {
  return process.env.BATTERY_ATLAS_CACHE_DIR || join(root, 'node_modules', '.cache', 'battery-atlas');
}

/** What a rendered file's bytes depend on besides its spec: code and fonts that render, check and export. */
const RENDERER_ENTRIES = ['src/figures/files.ts', 'src/figures/index.ts'];
const RENDERER_PACKAGES = ['vega', 'vega-lite', 'vega-scenegraph', '@resvg/resvg-js', 'pdfkit', 'fontkit'];
const FONT_DIRECTORY = 'assets/fonts';

/** Every project module `entries` import, directly or not (relative imports only: packages count by version). */
function sourceClosure(root: string, entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (path: string): void => {
    if (seen.has(path)) return;
    seen.add(path);
    const source = readFileSync(path, 'utf8');
    for (const [, specifier] of source.matchAll(/(?:from|import)\s+'(\.\.?\/[^']+\.ts)'/g))
      visit(resolve(dirname(path), specifier!));
  };
  for (const entry of entries) visit(resolve(root, entry));
  return [...seen].sort();
}

let version: string | undefined;

/**
 * A hash of the renderer: the source of every module the figure files are made with (render, layout check, export,
 * the figure definitions and what they import), the font files, and the installed versions of the packages that
 * draw. Any change to these gives every entry a new key.
 */
export function rendererVersion(root = process.cwd()): string {
  if (version !== undefined) return version;
  const hash = createHash('sha256');
  for (const path of sourceClosure(root, RENDERER_ENTRIES)) hash.update(`${path}\0`).update(readFileSync(path));
  const fonts = join(root, FONT_DIRECTORY);
  for (const name of readdirSync(fonts).sort()) hash.update(`${name}\0`).update(readFileSync(join(fonts, name)));
  for (const name of RENDERER_PACKAGES) {
    const manifest = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as {
      version: string;
    };
    hash.update(`${name}@${manifest.version}\0`);
  }
  version = hash.digest('hex');
  return version;
}

/** The key of a figure layout: its spec and preset (and the PDF title), under the current renderer. */
export function layoutKey(spec: unknown, presetId: string, title: string): string {
  return createHash('sha256')
    .update(JSON.stringify([rendererVersion(), presetId, title, spec]))
    .digest('hex');
}

/** Writes through a temporary file and a rename, so concurrent writers and readers only see whole files. */
function writeAtomically(path: string, bytes: Uint8Array | string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, path);
}

function readIfPresent(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export class PrintCache {
  readonly directory: string;
  /** What this instance rendered (cache misses), for the build summary and the tests. */
  readonly rendered = { layouts: 0, files: 0 };
  /** Layouts in progress or done in this process, by key: each is made once per process. */
  readonly #pending = new Map<string, Promise<unknown>>();

  constructor(directory = join(cacheRoot(), 'figures')) {
    this.directory = directory;
  }

  /** `make()` once per key in this process; later calls get the same promise. */
  once<T>(key: string, make: () => Promise<T>): Promise<T> {
    let pending = this.#pending.get(key) as Promise<T> | undefined;
    if (!pending) {
      pending = make();
      this.#pending.set(key, pending);
    }
    return pending;
  }

  #path(key: string, name: string): string {
    return join(this.directory, key.slice(0, 2), key, name);
  }

  /** A stored file of the entry `key`, or undefined. Reading marks the entry as used (see `prune`). */
  read(key: string, name: string): Buffer | undefined {
    const bytes = readIfPresent(this.#path(key, name));
    if (bytes) {
      const now = new Date();
      utimesSync(dirname(this.#path(key, name)), now, now);
    }
    return bytes;
  }

  write(key: string, name: string, bytes: Uint8Array | string): void {
    writeAtomically(this.#path(key, name), bytes);
  }

  /** The stored file, or `make()`'s bytes, stored for next time. */
  async file(key: string, name: string, make: () => Promise<Uint8Array> | Uint8Array): Promise<Uint8Array> {
    const stored = this.read(key, name);
    if (stored) return new Uint8Array(stored);
    const bytes = await make();
    this.rendered.files++;
    this.write(key, name, bytes);
    return bytes;
  }

  /** Removes the entries not read or written for `days` days; returns how many. */
  prune(days = PRUNE_AFTER_DAYS): number {
    const before = Date.now() - days * 86_400_000;
    let removed = 0;
    for (const shard of readdirOrEmpty(this.directory))
      for (const key of readdirOrEmpty(join(this.directory, shard))) {
        const entry = join(this.directory, shard, key);
        if (statSync(entry).mtimeMs < before) {
          rmSync(entry, { recursive: true, force: true });
          removed++;
        }
      }
    return removed;
  }
}

function readdirOrEmpty(path: string): string[] {
  try {
    return readdirSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
