/** The data downloads, streamed in chunks: each file says exactly what the data set says, read back by real parsers. */
import { deepStrictEqual } from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeDataFiles, type DataFile } from '../../src/exports/data-files.ts';
import { ROW_GROUP_SIZE } from '../../src/exports/parquet.ts';
import { COLUMNS } from '../../src/pipeline/columns.ts';
import { toCsv, type Dataset, type Row } from '../../src/pipeline/dataset.ts';
import { runPipeline } from '../../src/pipeline/index.ts';
import { REAL_FILES } from '../helpers.ts';
import { syntheticDataset } from './synthetic-dataset.ts';

const real = runPipeline(REAL_FILES).dataset;
const synthetic = syntheticDataset(real, 20_000);

/** What a Parquet reader gives back for a row: retention_baseline_cycle is text there, numbers as in the CSV. */
function asStoredInParquet(row: Row): Row {
  const baseline = row.retention_baseline_cycle;
  return typeof baseline === 'number' ? { ...row, retention_baseline_cycle: String(baseline) } : row;
}

describe.each([
  { name: 'the real content', dataset: real },
  { name: 'a synthetic data set of 20,000 rows', dataset: synthetic },
])('data downloads of $name', ({ dataset }: { dataset: Dataset }) => {
  let dir: string;
  let files: DataFile[];
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'data-files-'));
    files = await writeDataFiles(dataset, dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('every file is written, with its size on disk', () => {
    expect(files.map((f) => f.name)).toEqual([
      'measurements.csv',
      'measurements.json',
      'measurements.parquet',
      'papers.json',
      'columns.json',
    ]);
    for (const { name, bytes } of files) expect(bytes, name).toBe(statSync(join(dir, name)).size);
  });

  test('measurements.csv is toCsv(rows), byte for byte', () => {
    expect(read('measurements.csv')).toBe(toCsv(dataset.rows));
  });

  test('measurements.json is the rows as compact JSON', () => {
    const text = read('measurements.json');
    expect(text).toBe(JSON.stringify(dataset.rows));
    // node's deep equality: vitest's takes seconds on 20,000 rows × 115 columns.
    deepStrictEqual(JSON.parse(text), dataset.rows);
  });

  test('papers.json and columns.json hold the papers and the column reference', () => {
    expect(JSON.parse(read('papers.json'))).toEqual(dataset.papers);
    expect(JSON.parse(read('columns.json'))).toEqual(COLUMNS);
  });

  test('measurements.parquet has a typed schema and row groups of bounded size', async () => {
    const metadata = await parquetMetadataAsync(await asyncBufferFromFile(join(dir, 'measurements.parquet')));
    const [root, ...columns] = metadata.schema;
    expect(root?.num_children).toBe(COLUMNS.length);
    expect(columns.map((c) => c.name)).toEqual(COLUMNS.map((c) => c.name));
    const typeOf = (name: string) => {
      const column = columns.find((c) => c.name === name);
      return [column?.type, column?.converted_type ?? null, column?.repetition_type];
    };
    expect(typeOf('row_id')).toEqual(['BYTE_ARRAY', 'UTF8', 'OPTIONAL']);
    expect(typeOf('retention_baseline_cycle')).toEqual(['BYTE_ARRAY', 'UTF8', 'OPTIONAL']);
    expect(typeOf('year')).toEqual(['INT32', null, 'OPTIONAL']);
    expect(typeOf('step')).toEqual(['INT32', null, 'OPTIONAL']);
    expect(typeOf('control')).toEqual(['BOOLEAN', null, 'OPTIONAL']);
    expect(typeOf('capacity_mAh_g')).toEqual(['DOUBLE', null, 'OPTIONAL']);
    expect(typeOf('voltage_min_V')).toEqual(['DOUBLE', null, 'OPTIONAL']);
    expect(typeOf('completeness_score')).toEqual(['DOUBLE', null, 'OPTIONAL']);
    expect(Number(metadata.num_rows)).toBe(dataset.rows.length);
    expect(metadata.row_groups).toHaveLength(Math.ceil(dataset.rows.length / ROW_GROUP_SIZE));
    for (const group of metadata.row_groups) expect(group.columns[0]?.meta_data?.codec).toBe('SNAPPY');
  });

  test('measurements.parquet read back with hyparquet gives every row and value', async () => {
    const file = await asyncBufferFromFile(join(dir, 'measurements.parquet'));
    const rows = await parquetReadObjects({ file });
    deepStrictEqual(rows, dataset.rows.map(asStoredInParquet));
  });
});

describe('a value of the wrong type', () => {
  test('stops the Parquet export at its row and column, leaving no partial file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'data-files-'));
    try {
      const [first, ...rest] = real.rows;
      const broken = { ...real, rows: [...rest, { ...first, capacity_mAh_g: '120 mAh/g' }] };
      await expect(writeDataFiles(broken, dir)).rejects.toThrow(
        `measurements.parquet: row ${String(first?.row_id)}, column capacity_mAh_g: "120 mAh/g" is not DOUBLE`,
      );
      expect(existsSync(join(dir, 'measurements.parquet'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
