/**
 * The print check of a rendered figure: every text at final size within the journal's limits, inside the page,
 * not overlapping other text, and drawable with the shipped font. It walks Vega's scenegraph, whose text bounds come
 * from the real font metrics (render.ts), so "overlap" means overlap in the PDF too.
 */
import { missingGlyphs } from './fonts.ts';
import type { Preset } from './presets.ts';

export interface LayoutProblem {
  problem: 'too small' | 'too large' | 'clipped' | 'overlap' | 'missing glyph';
  text: string;
  detail: string;
}

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

interface SceneItem {
  x?: number;
  y?: number;
  text?: unknown;
  fontSize?: number;
  opacity?: number;
  bounds?: Box;
  items?: SceneNode[];
}

interface SceneNode {
  marktype?: string;
  role?: string;
  items?: SceneItem[];
}

interface PlacedText {
  text: string;
  size: number;
  box: Box;
}

/** Text items with their bounds in page coordinates (groups offset their children by their x, y). */
function textsOf(node: SceneNode, dx = 0, dy = 0, out: PlacedText[] = []): PlacedText[] {
  for (const item of node.items ?? []) {
    if (node.marktype === 'text') {
      const text = Array.isArray(item.text) ? item.text.join(' ') : String(item.text ?? '');
      if (text.trim() === '' || item.opacity === 0 || !item.bounds) continue;
      const b = item.bounds;
      out.push({ text, size: item.fontSize ?? 0, box: { x1: b.x1 + dx, y1: b.y1 + dy, x2: b.x2 + dx, y2: b.y2 + dy } });
    }
    if (node.marktype === 'group') {
      for (const child of item.items ?? []) textsOf(child, dx + (item.x ?? 0), dy + (item.y ?? 0), out);
    }
  }
  return out;
}

/** Overlap smaller than this (pt) is glyph side-bearing touching, not text on text. */
const TOLERANCE = 0.5;

const overlaps = (a: Box, b: Box): boolean =>
  Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > TOLERANCE && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > TOLERANCE;

const fmt = (n: number): string => n.toFixed(2);

/** Grid cell size (pt) for finding overlaps: about two lines of text, so most texts touch few cells. */
const CELL = 16;

/**
 * Every pair of texts whose boxes overlap, each pair once, found through a uniform grid so the cost grows with the
 * number of texts rather than its square.
 */
function overlappingPairs(texts: readonly PlacedText[]): [PlacedText, PlacedText][] {
  const cells = new Map<string, number[]>();
  const pairs: [PlacedText, PlacedText][] = [];
  texts.forEach((t, index) => {
    const candidates = new Set<number>();
    for (let i = Math.floor(t.box.x1 / CELL); i <= Math.floor(t.box.x2 / CELL); i++)
      for (let j = Math.floor(t.box.y1 / CELL); j <= Math.floor(t.box.y2 / CELL); j++) {
        const key = `${i},${j}`;
        const list = cells.get(key);
        for (const other of list ?? []) candidates.add(other);
        if (list) list.push(index);
        else cells.set(key, [index]);
      }
    for (const other of [...candidates].sort((a, b) => a - b))
      if (overlaps(texts[other]!.box, t.box)) pairs.push([texts[other]!, t]);
  });
  return pairs;
}

export interface RenderedPage {
  scene: unknown;
  origin: [number, number];
  widthPt: number;
  heightPt: number;
}

export function checkLayout(page: RenderedPage, preset: Preset): LayoutProblem[] {
  const size = page;
  const texts = textsOf(page.scene as SceneNode, page.origin[0], page.origin[1]);
  const problems: LayoutProblem[] = [];
  for (const t of texts) {
    if (t.size < preset.minPt - 1e-9)
      problems.push({
        problem: 'too small',
        text: t.text,
        detail: `${fmt(t.size)} pt; ${preset.journal} needs ≥ ${preset.minPt} pt`,
      });
    if (t.size > preset.maxPt + 1e-9)
      problems.push({
        problem: 'too large',
        text: t.text,
        detail: `${fmt(t.size)} pt; ${preset.journal} allows ≤ ${preset.maxPt} pt`,
      });
    const { x1, y1, x2, y2 } = t.box;
    if (x1 < -TOLERANCE || y1 < -TOLERANCE || x2 > size.widthPt + TOLERANCE || y2 > size.heightPt + TOLERANCE)
      problems.push({
        problem: 'clipped',
        text: t.text,
        detail: `spans (${fmt(x1)}, ${fmt(y1)})–(${fmt(x2)}, ${fmt(y2)}) on a ${fmt(size.widthPt)} × ${fmt(size.heightPt)} pt page`,
      });
    const missing = missingGlyphs(t.text);
    if (missing.length > 0)
      problems.push({ problem: 'missing glyph', text: t.text, detail: `the figure font has no ${missing.join(' ')}` });
  }
  for (const [a, b] of overlappingPairs(texts)) {
    problems.push({ problem: 'overlap', text: a.text, detail: `overlaps "${b.text}"` });
  }
  return problems;
}
