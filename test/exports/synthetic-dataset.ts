/** A large data set for the export tests and the measurement: copies of the real papers and rows under new ids. */
import { NUMERIC_FIELDS } from '../../src/pipeline/columns.ts';
import type { Dataset, Row } from '../../src/pipeline/dataset.ts';

const MEASURED_COLUMNS = NUMERIC_FIELDS.map((f) => f.column);

/**
 * `rowCount` rows copied round-robin from `base`; copy n of a paper gets the id `<id>-copy-<n>`, and its rows the
 * matching paper_id and row_id. Measured values are spread by a factor per copy (4 significant digits) so the files
 * do not compress better than real data would.
 */
export function syntheticDataset(base: Dataset, rowCount: number): Dataset {
  const copies = Math.ceil(rowCount / base.rows.length);
  const papers = Array.from({ length: copies }, (_, copy) =>
    base.papers.map((paper) => ({ ...paper, id: `${paper.id}-copy-${copy}` })),
  ).flat();
  const rows: Row[] = [];
  for (let i = 0; i < rowCount; i++) {
    const source = base.rows[i % base.rows.length]!;
    const copy = Math.floor(i / base.rows.length);
    const paperId = `${String(source.paper_id)}-copy-${copy}`;
    const factor = 0.5 + ((copy * 7919) % 1000) / 1000;
    const row: Row = {
      ...source,
      row_id: String(source.row_id).replace(String(source.paper_id), paperId),
      paper_id: paperId,
    };
    for (const column of MEASURED_COLUMNS) {
      const value = row[column];
      if (typeof value === 'number') row[column] = Number((value * factor).toPrecision(4));
    }
    rows.push(row);
  }
  return { ...base, papers, rows };
}
