/**
 * The site's figures: each figure's checked print layout at the preset the pages show inline, and the filter
 * options. Built once per build from the data set in site-data.ts.
 */
import { CATEGORY_FILTERS, type FigureDefinition } from './figures/figure.ts';
import { printLayout } from './figures/files.ts';
import { presetById, SITE_PRESET } from './figures/presets.ts';
import { dataset } from './site-data.ts';

export const sitePreset = presetById(SITE_PRESET);

export function siteLayout(definition: FigureDefinition) {
  return printLayout({ definition, dataset, preset: sitePreset });
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
