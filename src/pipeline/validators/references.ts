/** Ids inside one file: unique sample and result ids, and every result naming a sample that exists. */
import type { Finding, Validator } from './types.ts';

export const uniqueIds: Validator = ({ frontmatter }) => {
  const findings: Finding[] = [];
  for (const list of ['samples', 'results'] as const) {
    const seen = new Map<string, number>();
    frontmatter[list].forEach((entry, index) => {
      const first = seen.get(entry.id);
      if (first === undefined) seen.set(entry.id, index);
      else
        findings.push({
          id: 'E_ID_DUPLICATE',
          path: [list, index, 'id'],
          message: `id "${entry.id}" is already used by ${list}.${first}`,
          accepted: `an id unique among the file's ${list}`,
        });
    });
  }
  return findings;
};

export const knownSamples: Validator = ({ frontmatter }) => {
  const ids = frontmatter.samples.map((s) => s.id);
  return frontmatter.results.flatMap((result, index): Finding[] =>
    ids.includes(result.sample)
      ? []
      : [
          {
            id: 'E_SAMPLE_UNKNOWN',
            path: ['results', index, 'sample'],
            message: `no sample has the id "${result.sample}"`,
            accepted: ids.join(', '),
          },
        ],
  );
};
