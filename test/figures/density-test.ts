/**
 * Figures at density: the Pareto front, label priority and placement, and every figure under every journal preset
 * with 2,000 points (dense drawing) building with zero layout problems and zero Vega-Lite warnings.
 */
import { describe, expect, test } from 'vitest';
import { buildFigure } from '../../src/figures/figure.ts';
import { barLimit } from '../../src/figures/first-cycle-efficiency.ts';
import { FIGURES, figureById } from '../../src/figures/index.ts';
import { labelBox, paretoFront, placeLabels } from '../../src/figures/labels.ts';
import { PRESETS, presetById } from '../../src/figures/presets.ts';
import { layoutFigure } from '../../src/figures/render.ts';
import { runPipeline } from '../../src/pipeline/index.ts';
import { REAL_FILES } from '../helpers.ts';
import { spreadRows } from '../fixtures/spread-rows.ts';

const { dataset } = runPipeline(REAL_FILES);
const fixedWidth = { fontSize: 6, gap: 5, measure: (text: string) => text.length * 3 };

describe('Pareto front', () => {
  test('keeps the points no other point beats on both axes', () => {
    const points = [
      { id: 'a', x: 100, y: 500 },
      { id: 'b', x: 1000, y: 300 },
      { id: 'c', x: 500, y: 200 }, // beaten by b: fewer cycles and less capacity
      { id: 'd', x: 2000, y: 100 },
      { id: 'e', x: 1000, y: 250 }, // same x as b, lower y
      { id: 'f', x: 50, y: 400 }, // beaten by a
    ];
    expect([...paretoFront(points)].sort()).toEqual(['a', 'b', 'd']);
  });

  test('comes first in the label priority of a scatter figure', () => {
    const definition = figureById('capacity-vs-cycles');
    const figure = buildFigure(definition, spreadRows(definition, dataset.rows, 500), dataset.papers, {
      preset: presetById('nature-double'),
    });
    const front = figure.ranked.filter((d) => d.front).length;
    expect(front).toBeGreaterThan(0);
    expect(figure.ranked.slice(0, front).every((d) => d.front)).toBe(true);
    expect(figure.ranked.slice(front).some((d) => d.front)).toBe(false);
  });
});

describe('label placement', () => {
  test('a label goes to the first point that wants the space; the next one is left out, not overlapped', () => {
    const a = { id: 'a', x: 10, y: 10, radius: 3, text: 'first' };
    const b = { id: 'b', x: 10, y: 10, radius: 3, text: 'second' };
    expect([...placeLabels([a, b], 100, 20, fixedWidth)]).toEqual([['a', 'right']]);
    expect([...placeLabels([b, a], 100, 20, fixedWidth)]).toEqual([['b', 'right']]);
  });

  test('tries the other sides before giving up, and keeps labels inside the plot and off other marks', () => {
    // At the right edge a label cannot go right; a mark just above-left blocks nothing on the left.
    const edge = { id: 'edge', x: 95, y: 50, radius: 3, text: 'abc' };
    expect(placeLabels([edge], 100, 100, fixedWidth).get('edge')).toBe('left');
    // A mark sitting where the right-hand label would go pushes it to the left.
    const marked = { id: 'm', x: 20, y: 50, radius: 3, text: 'abc' };
    const blocker = { id: 'blocker', x: 30, y: 50, radius: 3, text: '' };
    expect(placeLabels([marked, blocker], 100, 100, fixedWidth).get('m')).toBe('left');
  });

  test('placed labels never overlap each other, whatever the crowd', () => {
    const crowd = Array.from({ length: 400 }, (_, i) => ({
      id: String(i),
      x: (i * 37) % 600,
      y: (i * 53) % 300,
      radius: 3,
      text: `[${i}] ${i % 7}.5 A g⁻¹`,
    }));
    const placed = placeLabels(crowd, 600, 300, fixedWidth);
    expect(placed.size).toBeGreaterThan(0);
    expect(placed.size).toBeLessThan(crowd.length);
    const boxes = crowd
      .filter((c) => placed.has(c.id))
      .map((c) => labelBox(c.x, c.y, placed.get(c.id)!, fixedWidth.measure(c.text), 6, 5));
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        expect(a.x2 <= b.x1 || b.x2 <= a.x1 || a.y2 <= b.y1 || b.y2 <= a.y1).toBe(true);
  });
});

describe.each(FIGURES.map((f) => [f.id]))('%s with 2,000 points', (id) => {
  const definition = figureById(id);
  const rows = spreadRows(definition, dataset.rows, 2000);

  test.each(PRESETS.map((p) => [p.id]))('%s: zero layout problems, zero warnings, a light file', async (presetId) => {
    const preset = presetById(presetId);
    const { figure, rendered, problems } = await layoutFigure(definition, rows, dataset.papers, { preset });
    expect(figure.data.length).toBe(2000);
    expect(problems).toEqual([]);
    expect(rendered.warnings).toEqual([]);
    expect(rendered.svg.length).toBeLessThan(150_000);
    if (definition.points) {
      expect(figure.dense).toBe(true);
      expect(figure.caption).toContain('drawn as the number of results per cell');
      expect(figure.labelled).toBeGreaterThan(0);
    }
    if (id === 'first-cycle-efficiency') {
      expect((rendered.svg.match(/<path[^>]*aria-hidden[^>]*>/g) ?? []).length).toBeGreaterThan(0);
      expect(figure.caption).toContain(`The ${barLimit(preset)} highest of 2000 results are drawn`);
    }
  });
});
