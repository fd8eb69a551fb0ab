/** Nothing valid is dropped: every value typed in content/ reaches the published rows. */
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { COLUMNS } from '../../src/pipeline/columns.ts';
import { runPipeline } from '../../src/pipeline/index.ts';
import { toCsv } from '../../src/pipeline/dataset.ts';
import { paperIdOf } from '../../src/pipeline/load.ts';
import { REAL_FILES } from '../helpers.ts';

/** Fields whose values are words, ids or provenance rather than measured values. */
const WORD_FIELDS = new Set([
  'id',
  'sample',
  'kind',
  'source',
  'note',
  'statement',
  'verdict',
  'property',
  'cathode',
  'failure',
  'cell',
  'format',
  'counter_electrode',
  'electrolyte',
  'capacity_basis',
  'vs',
]);

/** Every value with a digit in it below a result, as it is written in the file. */
function typedValues(value: unknown, key = ''): string[] {
  if (WORD_FIELDS.has(key)) return [];
  if (Array.isArray(value)) return value.flatMap((v) => typedValues(v));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => typedValues(v, k));
  const text = String(value);
  return /\d/.test(text) ? [text] : [];
}

describe('the published data set', () => {
  const { dataset } = runPipeline(REAL_FILES);

  test('every number of every result in content/ is in its rows, as printed', () => {
    let checked = 0;
    for (const file of REAL_FILES) {
      const data = parse(file.text.split(/^---$/m)[1]!) as { results: { id: string }[] };
      const paperId = paperIdOf(file.path);
      for (const result of data.results) {
        const rows = dataset.rows.filter((r) => r.paper_id === paperId && r.result_id === result.id);
        expect(rows.length, `${paperId}/${result.id} has rows`).toBeGreaterThan(0);
        const cells = new Set(rows.flatMap((r) => Object.values(r).map(String)));
        for (const value of typedValues(result)) {
          expect(cells.has(value.trim()), `${paperId}/${result.id}: "${value}" reaches the data set`).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(150);
  });

  test('every row has every documented column, and provenance', () => {
    const names = COLUMNS.map((c) => c.name);
    for (const row of dataset.rows) {
      expect(Object.keys(row)).toEqual(names);
      expect(row.locator).toBeTruthy();
      expect(row.quote).toBeTruthy();
    }
  });

  test('CSV has one line per row and quotes cells with commas', () => {
    const csv = toCsv(dataset.rows);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(dataset.rows.length + 1);
    expect(toCsv([{ a: 'x, "y"', b: null }], ['a', 'b'])).toBe('a,b\r\n"x, ""y""",\r\n');
  });

  test('every paper and sample is in papers', () => {
    expect(dataset.papers.map((p) => p.id)).toEqual(REAL_FILES.map((f) => paperIdOf(f.path)).sort());
    expect(dataset.papers.every((p) => p.findings.length > 0)).toBe(true);
  });
});
