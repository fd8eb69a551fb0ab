/**
 * Point labels that hold at any density. Which points are labelled is a matter of priority: the Pareto front first
 * (the best y reached at each x, what a comparison plot is read for), then the others in a stable order while space
 * lasts. Placement is greedy over a uniform grid of occupied boxes, so its cost grows with the number of points, not
 * with its square. Pure: positions come in plot coordinates (pt), text widths from the caller's measure function.
 */

export type Anchor = 'right' | 'left' | 'top' | 'bottom';

/** The sides tried for each label, in order of preference (beside the mark reads best in a scatter plot). */
export const ANCHORS: readonly Anchor[] = ['right', 'left', 'top', 'bottom'];

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface LabelCandidate {
  id: string;
  /** The mark's centre in plot coordinates (pt, y down). */
  x: number;
  y: number;
  /** Half the mark's extent (pt): other labels keep off it. */
  radius: number;
  text: string;
}

export interface LabelStyle {
  fontSize: number;
  /** Distance from the mark's centre to the near edge of its label (pt). */
  gap: number;
  /** Text width in pt at `fontSize`. */
  measure: (text: string, fontSize: number) => number;
}

/**
 * The ids of the points no other point beats on both axes: walking from the largest x down, a point is on the front
 * when its y exceeds every y seen so far. Ties on x keep only the highest y.
 */
export function paretoFront(points: readonly { id: string; x: number; y: number }[]): Set<string> {
  const sorted = [...points].sort((a, b) => b.x - a.x || b.y - a.y || a.id.localeCompare(b.id));
  const front = new Set<string>();
  let best = -Infinity;
  for (const p of sorted) {
    if (p.y > best) {
      front.add(p.id);
      best = p.y;
    }
  }
  return front;
}

/** A uniform grid over the plot: each cell lists the boxes that touch it. */
class BoxGrid {
  private readonly cells = new Map<number, Box[]>();
  private readonly cell: number;
  constructor(cell: number) {
    this.cell = cell;
  }

  private *keys(b: Box): Generator<number> {
    const [i1, i2] = [Math.floor(b.x1 / this.cell), Math.floor(b.x2 / this.cell)];
    const [j1, j2] = [Math.floor(b.y1 / this.cell), Math.floor(b.y2 / this.cell)];
    for (let i = i1; i <= i2; i++) for (let j = j1; j <= j2; j++) yield i * 65_536 + j;
  }

  add(b: Box): void {
    for (const key of this.keys(b)) {
      const list = this.cells.get(key);
      if (list) list.push(b);
      else this.cells.set(key, [b]);
    }
  }

  hits(b: Box): boolean {
    for (const key of this.keys(b))
      for (const o of this.cells.get(key) ?? [])
        if (b.x1 < o.x2 && o.x1 < b.x2 && b.y1 < o.y2 && o.y1 < b.y2) return true;
    return false;
  }
}

/** The box a label of `width` × `height` takes when set on `anchor` of a mark at (x, y). */
export function labelBox(x: number, y: number, anchor: Anchor, width: number, height: number, gap: number): Box {
  switch (anchor) {
    case 'right':
      return { x1: x + gap, x2: x + gap + width, y1: y - height / 2, y2: y + height / 2 };
    case 'left':
      return { x1: x - gap - width, x2: x - gap, y1: y - height / 2, y2: y + height / 2 };
    case 'top':
      return { x1: x - width / 2, x2: x + width / 2, y1: y - gap - height, y2: y - gap };
    case 'bottom':
      return { x1: x - width / 2, x2: x + width / 2, y1: y + gap, y2: y + gap + height };
  }
}

/** Room kept between a label and anything else (pt), more than the layout check's tolerance. */
const CLEARANCE = 0.75;

/**
 * Places labels in the order given (highest priority first) inside a `width` × `height` plot: each takes the first
 * side where it stays inside the plot and clear of every mark and every label already placed; a label with no such
 * side is left out. Every mark is an obstacle, labelled or not.
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  width: number,
  height: number,
  style: LabelStyle,
): Map<string, Anchor> {
  const grid = new BoxGrid(Math.max(style.fontSize * 3, 8));
  for (const c of candidates)
    grid.add({ x1: c.x - c.radius, y1: c.y - c.radius, x2: c.x + c.radius, y2: c.y + c.radius });
  const placed = new Map<string, Anchor>();
  for (const c of candidates) {
    if (c.text === '') continue;
    const textWidth = style.measure(c.text, style.fontSize);
    for (const anchor of ANCHORS) {
      const box = labelBox(c.x, c.y, anchor, textWidth, style.fontSize, style.gap);
      const padded = { x1: box.x1 - CLEARANCE, y1: box.y1 - CLEARANCE, x2: box.x2 + CLEARANCE, y2: box.y2 + CLEARANCE };
      if (padded.x1 < 0 || padded.y1 < 0 || padded.x2 > width || padded.y2 > height || grid.hits(padded)) continue;
      grid.add(box);
      placed.set(c.id, anchor);
      break;
    }
  }
  return placed;
}
