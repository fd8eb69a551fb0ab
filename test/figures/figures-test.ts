/**
 * The four figures from the curated data: specs valid against the Vega-Lite schema, compiled without warnings and
 * pinned by snapshot files; every journal preset passes the layout check and its PDF has the preset's exact width,
 * embedded fonts and no text under the journal's minimum; exclusions, filters and negative results behave.
 */
import Ajv from 'ajv';
import type { TopLevelSpec } from 'vega-lite';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { buildFigure, filtersFromParams, filtersToParams, NO_FILTERS } from '../../src/figures/figure.ts';
import { figureFile } from '../../src/figures/files.ts';
import { FIGURES, figureById } from '../../src/figures/index.ts';
import { checkLayout } from '../../src/figures/layout-check.ts';
import { PRESETS, presetById, ptFromMm, SITE_PRESET } from '../../src/figures/presets.ts';
import { compileFigure, renderFigure } from '../../src/figures/render.ts';
import { runPipeline } from '../../src/pipeline/index.ts';
import { REAL_FILES } from '../helpers.ts';
import { inspectPdf } from './pdf-inspect.ts';

const { dataset } = runPipeline(REAL_FILES);
const site = presetById(SITE_PRESET);
const build = (id: string, filters = NO_FILTERS) =>
  buildFigure(figureById(id), dataset.rows, dataset.papers, { preset: site, filters });

const schema = JSON.parse(readFileSync('node_modules/vega-lite/build/vega-lite-schema.json', 'utf8')) as object;
const validate = new Ajv({ allowUnionTypes: true, strict: false }).compile(schema);

describe.each(FIGURES.map((f) => [f.id]))('%s spec', (id) => {
  const figure = build(id);

  test('is valid against the Vega-Lite schema', () => {
    const valid = validate(figure.spec);
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
    expect(valid).toBe(true);
  });

  test('compiles with zero warnings', () => {
    expect(compileFigure(figure.spec).warnings).toEqual([]);
  });

  test('matches its snapshot file', async () => {
    await expect(`${JSON.stringify(figure.spec, null, 2)}\n`).toMatchFileSnapshot(`__snapshots__/${id}.vl.json`);
  });

  test('plots data from the curated papers and gives every left-out result a reason', () => {
    expect(figure.data.length).toBeGreaterThan(0);
    for (const e of figure.excluded) expect(e.reason).not.toBe('');
    expect(figure.caption).toContain(`${figure.data.length} data point`);
  });
});

describe('what the figures show', () => {
  test('capacity vs cycles: labels carry the source number and current; full cells are left out with the reason', () => {
    const figure = build('capacity-vs-cycles');
    const m = figure.data.find((d) => d.row_id === 'dou-2024-metastable-bisnsb/m-bisnsb-cycling-1a');
    const dou = figure.sources.findIndex((p) => p.id === 'dou-2024-metastable-bisnsb') + 1;
    expect(m?.label).toBe(`[${dou}] 1 A g⁻¹`);
    expect(
      figure.excluded.find((e) => e.row_id === 'dou-2024-metastable-bisnsb/m-bisnsb-full-cycling')?.reason,
    ).toMatch(/^full cell/);
  });

  test('a C-rate without a 1C definition is left out, saying so', () => {
    const row = dataset.rows.find(
      (r) => r.row_id === 'qiu-2021-sb-quantum-dots-functional-carbon/sbqd-c-cycling-1a-100',
    );
    const noOneC = {
      ...row,
      current_mA_g: null,
      current_mA_g_origin: 'missing: C-rate with no 1C definition in the paper',
    };
    const figure = buildFigure(figureById('capacity-vs-cycles'), [noOneC], dataset.papers, { preset: site });
    expect(figure.data).toEqual([]);
    expect(figure.excluded[0]?.reason).toBe(
      'current not comparable (missing: C-rate with no 1C definition in the paper)',
    );
  });

  test('metal anodes: the failed liquid Na-K cell is plotted and ringed as a negative finding, not hidden', () => {
    const figure = build('metal-anodes');
    const nak = figure.data.find((d) => d.row_id === 'koh-2024-liquid-nak-not-viable/na50k50-symmetric-lifetime');
    expect(nak?.negative_finding).toBe(true);
    expect(nak?.failure).toBe('overpotential rise');
    const values = (figure.spec as { data: { values: { row_id: string; outcome: string }[] } }).data.values;
    expect(values.find((v) => v.row_id === nak?.row_id)?.outcome).toBe('overpotential rise');
    expect(figure.excluded.map((e) => e.row_id)).toContain('koh-2024-liquid-nak-not-viable/na60k40-symmetric');
  });

  test('filters round-trip through the permalink and keep only matching rows', () => {
    const filters = filtersFromParams(new URLSearchParams('ion=K&min=150&max=1000'));
    expect(filtersToParams(filters).toString()).toBe('ion=K&min=150&max=1000');
    const figure = build('capacity-vs-cycles', filters);
    expect(figure.data.length).toBeGreaterThan(0);
    for (const d of figure.data) {
      expect(d.ion).toBe('K');
      expect(d.current_mA_g).toBeGreaterThanOrEqual(150);
      expect(d.current_mA_g).toBeLessThanOrEqual(1000);
    }
    expect(figure.hiddenByFilters).toBe(build('capacity-vs-cycles').data.length - figure.data.length);
    expect(figure.caption).toContain('Filtered to ion K');
    expect(() => filtersFromParams(new URLSearchParams('min=abc'))).toThrow('min=abc is not a number');
  });
});

describe('layout check', () => {
  const preset = presetById('nature-single');
  const textSpec = (labels: { x: number; y: number; t: string }[], fontSize: number): TopLevelSpec => ({
    width: 200,
    height: 100,
    autosize: { type: 'none' },
    data: { values: labels },
    mark: { type: 'text', fontSize, font: 'DejaVu Sans' },
    encoding: {
      x: { field: 'x', type: 'quantitative', scale: { domain: [0, 10] }, axis: null },
      y: { field: 'y', type: 'quantitative', scale: { domain: [0, 10] }, axis: null },
      text: { field: 't' },
    },
  });

  test('finds text under the journal minimum', async () => {
    const rendered = await renderFigure(textSpec([{ x: 5, y: 5, t: 'mAh g⁻¹' }], 4));
    expect(checkLayout(rendered, preset).map((p) => p.problem)).toEqual(['too small']);
  });

  test('finds overlapping text, measured with the real font', async () => {
    const apart = await renderFigure(
      textSpec(
        [
          { x: 2, y: 5, t: 'capacity' },
          { x: 8, y: 5, t: 'cycles' },
        ],
        6,
      ),
    );
    expect(checkLayout(apart, preset)).toEqual([]);
    const touching = await renderFigure(
      textSpec(
        [
          { x: 4, y: 5, t: 'capacity' },
          { x: 4.8, y: 5, t: 'cycles' },
        ],
        6,
      ),
    );
    expect(checkLayout(touching, preset).map((p) => p.problem)).toEqual(['overlap']);
  });

  test('finds clipped text and characters the font lacks', async () => {
    const rendered = await renderFigure(
      textSpec(
        [
          { x: 10, y: 5, t: 'retention' },
          { x: 5, y: 2, t: '✓' },
        ],
        6,
      ),
    );
    expect(
      checkLayout(rendered, preset)
        .map((p) => p.problem)
        .sort(),
    ).toEqual(['clipped', 'missing glyph']);
  });
});

describe.each(FIGURES.map((f) => [f.id]))('%s exported for every journal preset', (id) => {
  test.each(PRESETS.map((p) => [p.id]))('%s: PDF width, embedded fonts, text size', async (presetId) => {
    const preset = presetById(presetId);
    const pdf = await figureFile({ definition: figureById(id), dataset, preset }, 'pdf');
    const page = await inspectPdf(pdf.body as Uint8Array);
    expect(page.widthPt).toBeCloseTo(ptFromMm(preset.widthMm), 2);
    expect(page.fonts.length).toBeGreaterThan(0);
    for (const font of page.fonts) {
      expect(font.embedded).toBe(true);
      expect(font.name).toMatch(/DejaVuSans/);
    }
    const sizes = page.textItems.filter((t) => t.str.trim() !== '').map((t) => t.sizePt);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(preset.minPt - 0.01);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(preset.maxPt + 0.01);
    expect(page.text).toMatch(/mAh g⁻¹|mA cm⁻²|%/);
  });
});
