/**
 * Every downloadable file of every figure (see figures/files.ts), plus the rows the interactive view loads. The
 * build fails if any preset's layout breaks its journal's rules.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { FigureDefinition } from '../../../figures/figure.ts';
import { DATA_FORMATS, figureFile, fileName, PRINT_FORMATS, type FormatId } from '../../../figures/files.ts';
import { FIGURES } from '../../../figures/index.ts';
import { PRESETS, type Preset } from '../../../figures/presets.ts';
import { dataset } from '../../../site-data.ts';
import { candidateData, sitePreset } from '../../../site-figures.ts';

type FileProps = { definition: FigureDefinition; preset: Preset; format: FormatId | 'rows' };

export const getStaticPaths = (() =>
  FIGURES.flatMap((definition) => {
    const files = (preset: Preset, format: FileProps['format'], file: string) => ({
      params: { id: definition.id, file },
      props: { definition, preset, format },
    });
    return [
      ...PRESETS.flatMap((preset) => PRINT_FORMATS.map((f) => files(preset, f.id, fileName(definition, f.id, preset)))),
      ...DATA_FORMATS.map((f) => files(sitePreset, f.id, fileName(definition, f.id, sitePreset))),
      files(sitePreset, 'rows', `${definition.id}-rows.json`),
    ];
  })) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { definition, preset, format } = props as FileProps;
  if (format === 'rows') {
    return new Response(JSON.stringify(candidateData(definition)), {
      headers: { 'Content-Type': 'application/json' },
    });
  }
  const file = await figureFile({ definition, dataset, preset }, format);
  return new Response(file.body, { headers: { 'Content-Type': file.type } });
};
