/**
 * Writes the site's downloads (every figure file, the interactive views' data and the data set, see
 * cli/build-assets.ts) outside Astro's page rendering. Astro buffers an endpoint's whole body and renders pages on one
 * thread; this runs build-assets as a second process, on the core Astro leaves free, into a staging directory, and
 * moves its files into the site when Astro is done. A failure fails the build with the command's output. Under
 * `astro dev` the files are built once at start and served from their directory.
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rename, rm, unlink } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cacheRoot } from './figures/print-cache.ts';

const SCRIPT = 'src/cli/build-assets.ts';

/** The URLs build-assets writes: /figures/<id>/<file> and /data/<file>. */
const ASSET_PATH = /^\/(?:figures\/[\w-]+|data)\/[\w.-]+\.[a-z]+$/;

const CONTENT_TYPES: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json',
  '.bib': 'application/x-bibtex; charset=utf-8',
  '.ris': 'application/x-research-info-systems',
  '.parquet': 'application/vnd.apache.parquet',
};

/** Runs build-assets into `out` with this process's Node; resolves with its summary, rejects with its output. */
function buildAssets(root: string, out: string): Promise<string> {
  const child = spawn(process.execPath, ['--expose-gc', SCRIPT, '--out', out], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // If Astro stops first (a failed page, Ctrl-C), the files are not wanted any more.
  const stop = (): void => void child.kill();
  process.once('exit', stop);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      process.off('exit', stop);
      if (code === 0) resolve(output.trim());
      else reject(new Error(`${SCRIPT} failed (${signal ?? `exit code ${code}`}):\n${output.trim()}`));
    });
  });
}

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

/** Moves every file of `from` to the same place under `to`, refusing to replace a file Astro wrote. */
async function moveInto(from: string, to: string): Promise<number> {
  let moved = 0;
  for await (const source of filesUnder(from)) {
    const target = join(to, relative(from, source));
    if (existsSync(target)) throw new Error(`${SCRIPT} wrote ${relative(to, target)}, which a page already is`);
    await mkdir(dirname(target), { recursive: true });
    await rename(source, target).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EXDEV') throw error;
      await copyFile(source, target);
      await unlink(source);
    });
    moved++;
  }
  return moved;
}

function serveFile(res: ServerResponse, path: string): void {
  res.setHeader('Content-Type', CONTENT_TYPES[extname(path)] ?? 'application/octet-stream');
  createReadStream(path).pipe(res);
}

export default function siteAssets(): AstroIntegration {
  let root = process.cwd();
  let staging: string | undefined;
  let building: Promise<string> | undefined;
  return {
    name: 'battery-atlas-assets',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:start': async () => {
        await mkdir(cacheRoot(root), { recursive: true });
        staging = await mkdtemp(join(cacheRoot(root), 'assets-'));
        building = buildAssets(root, staging);
        // Awaited in astro:build:done; until then a rejection is not unhandled.
        building.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!building || !staging) throw new Error('astro:build:start did not start build-assets');
        try {
          logger.info(await building);
          const moved = await moveInto(staging, fileURLToPath(dir));
          logger.info(`moved ${moved} files into the site`);
        } finally {
          await rm(staging, { recursive: true, force: true });
        }
      },
      'astro:server:setup': ({ server, logger }) => {
        const out = join(cacheRoot(root), 'dev-assets');
        const ready = rm(out, { recursive: true, force: true }).then(() => buildAssets(root, out));
        ready.then(
          (summary) => logger.info(summary),
          (error: Error) => logger.error(error.message),
        );
        server.middlewares.use((req, res, next) => {
          const path = new URL(req.url ?? '/', 'http://localhost').pathname;
          if (!ASSET_PATH.test(path)) return next();
          ready.then(() => {
            const file = join(out, path);
            if (existsSync(file)) serveFile(res, file);
            else next();
          }, next);
        });
      },
    },
  };
}
