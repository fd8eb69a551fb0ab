/**
 * A worker thread's task (piscina): one PNG of a figure's SVG. build-assets renders PNGs here, beside the layouts and
 * PDFs of its main thread. resvg holds each image's pixels outside V8's heap (about 50 MB at 600 dpi across two
 * columns) until a garbage collection finalises them, and V8, which does not see that memory, seldom collects; so
 * each task collects (node --expose-gc) and lets the finalisers run before it returns. This thread's heap is small,
 * which makes that cheap.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { svgToPng } from './export.ts';

export default async function renderPng({ svg, dpi }: { svg: string; dpi: number }): Promise<Uint8Array> {
  const png = svgToPng(svg, { dpi });
  globalThis.gc?.();
  await nextTurn();
  return png;
}
