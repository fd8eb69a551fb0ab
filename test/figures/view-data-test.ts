/**
 * The interactive view's data file: the view builds every figure from it exactly as the build does from the whole
 * data set (same spec, caption, sources and plotted-data CSV, under any preset and filter), from a fraction of the
 * bytes.
 */
import { describe, expect, test } from 'vitest';
import { buildFigure, filtersFromParams, plottedCsv, type BuiltFigure } from '../../src/figures/figure.ts';
import { FIGURES } from '../../src/figures/index.ts';
import { presetById, SITE_PRESET } from '../../src/figures/presets.ts';
import { fromViewData, viewData } from '../../src/figures/view-data.ts';
import { runPipeline } from '../../src/pipeline/index.ts';
import { REAL_FILES } from '../helpers.ts';

const { dataset } = runPipeline(REAL_FILES);
const site = presetById(SITE_PRESET);

/** What the view shows and offers of a figure. */
const shown = (figure: BuiltFigure) => ({
  spec: JSON.stringify(figure.spec),
  caption: figure.caption,
  sources: figure.sources.map((p) => [p.citation, p.title, p.doi]),
  csv: plottedCsv(figure),
});

describe.each(FIGURES.map((f) => [f.id, f] as const))('%s view data', (_, definition) => {
  const file = JSON.stringify(viewData(definition, dataset, site));
  const { rows, papers } = fromViewData(JSON.parse(file) as ReturnType<typeof viewData>);

  test.each([
    ['site preset, no filter', SITE_PRESET, ''],
    ['another preset, filtered', 'rsc-double', 'ion=K&min=150'],
    ['site preset, by role and class', SITE_PRESET, 'role=anode&material_class=alloy'],
  ])('builds the same figure as the whole data set: %s', (_label, presetId, query) => {
    const options = {
      preset: presetById(presetId),
      filters: filtersFromParams(new URLSearchParams(query)),
      links: true,
    };
    expect(shown(buildFigure(definition, rows, papers, options))).toEqual(
      shown(buildFigure(definition, dataset.rows, dataset.papers, options)),
    );
  });

  test('is a table of the columns the figure reads, a fraction of the rows as objects', () => {
    const data = JSON.parse(file) as ReturnType<typeof viewData>;
    expect(data.rows.columns).toEqual(expect.arrayContaining(['row_id', 'paper_id', 'quote', definition.range.column]));
    expect(data.rows.columns).not.toContain('value_origin');
    for (const row of data.rows.rows) expect(row).toHaveLength(data.rows.columns.length);
    const candidates = dataset.rows.filter((r) => definition.isCandidate(r) || r.verdict === 'negative');
    expect(data.rows.rows).toHaveLength(candidates.length);
    expect(file.length).toBeLessThan(JSON.stringify(candidates).length / 3);
  });
});
