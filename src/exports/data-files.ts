/**
 * The data set's downloads (the site's /data/ folder): measurements as CSV, JSON and Parquet, the papers and the
 * column reference. Every file is streamed row by row into megabyte chunks, never built as one string: at 10,000
 * papers the rows alone are about a gigabyte of JSON.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { COLUMNS } from '../pipeline/columns.ts';
import { csvCell, type Dataset, type Row } from '../pipeline/dataset.ts';
import { writeText } from './file-sink.ts';
import { writeParquet } from './parquet.ts';

export interface DataFile {
  name: string;
  bytes: number;
}

/** The lines of `toCsv(rows)`: RFC 4180, CRLF, header row, columns in the documented order. */
function* csvLines(rows: readonly Row[]): Generator<string> {
  const columns = COLUMNS.map((c) => c.name);
  yield `${columns.join(',')}\r\n`;
  for (const row of rows) yield `${columns.map((c) => csvCell(row[c] ?? null)).join(',')}\r\n`;
}

/** The text of `JSON.stringify(items)` (compact), one item at a time. */
function* jsonArray(items: readonly unknown[]): Generator<string> {
  yield '[';
  for (let i = 0; i < items.length; i++) yield (i === 0 ? '' : ',') + JSON.stringify(items[i]);
  yield ']';
}

/** Writes every download of the data set into `outDir` (created if needed), one file after another. */
export async function writeDataFiles(dataset: Dataset, outDir: string): Promise<DataFile[]> {
  await mkdir(outDir, { recursive: true });
  const writers: [string, (path: string) => Promise<number>][] = [
    ['measurements.csv', (path) => writeText(path, csvLines(dataset.rows))],
    ['measurements.json', (path) => writeText(path, jsonArray(dataset.rows))],
    ['measurements.parquet', (path) => writeParquet(dataset.rows, path)],
    ['papers.json', (path) => writeText(path, jsonArray(dataset.papers))],
    ['columns.json', (path) => writeText(path, [JSON.stringify(COLUMNS, null, 1)])],
  ];
  const files: DataFile[] = [];
  for (const [name, write] of writers) files.push({ name, bytes: await write(join(outDir, name)) });
  return files;
}
