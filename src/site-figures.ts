/**
 * The site's figures: each figure's checked print layout at the preset the pages show inline, and the rows the
 * interactive view needs. Built once per build from the data set in site-data.ts.
 */
import { CATEGORY_FILTERS, type FigureDefinition } from './figures/figure.ts';
import { printLayout } from './figures/files.ts';
import { presetById, SITE_PRESET } from './figures/presets.ts';
import { dataset } from './site-data.ts';

export const sitePreset = presetById(SITE_PRESET);

export function siteLayout(definition: FigureDefinition) {
  return printLayout({ definition, dataset, preset: sitePreset });
}

/** The rows a figure considers (plotted or not) and their papers: all the interactive view loads. */
export function candidateData(definition: FigureDefinition) {
  const rows = dataset.rows.filter((r) => definition.isCandidate(r) || r.verdict === 'negative');
  const used = new Set(rows.map((r) => r.paper_id));
  const papers = dataset.papers
    .filter((p) => used.has(p.id))
    // The paper bodies and samples are not needed to draw or cite; leave them out of the download.
    .map((paper) => ({ ...paper, findings: '', samples: [] }));
  return { rows, papers };
}

/** The values a filter can take: those among the figure's plottable rows. */
export function filterOptions(definition: FigureDefinition) {
  const plottable = dataset.rows.filter(
    (r) => definition.isCandidate(r) && definition.exclusionReason(r) === undefined,
  );
  return CATEGORY_FILTERS.map(({ key, label }) => ({
    key,
    label,
    values: [...new Set(plottable.map((r) => String(r[key])))].sort(),
  }));
}
