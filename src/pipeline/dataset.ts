/**
 * Stage 5, dataset: the published data set. One row per reported data point (one cycling result, one step of a
 * rate series, one symmetric-cell lifetime…), flat, with the columns of columns.ts. Pages, downloads and figures
 * all read from here.
 */
import { COLUMNS, CONDITION_QUANTITIES, NUMERIC_FIELDS } from './columns.ts';
import type { DerivedPaper, DerivedResult } from './derive.ts';
import type { Point, Value } from './normalise.ts';

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

export interface PaperEntry {
  id: string;
  doi: string | null;
  doi_note: string | null;
  citation: string;
  title: string;
  authors: string[];
  journal: string;
  year: number;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  type: string;
  note: string | null;
  findings: string;
  samples: DerivedPaper['samples'];
  result_count: number;
  row_count: number;
}

export interface Dataset {
  papers: PaperEntry[];
  rows: Row[];
  /** The full derived papers, for pages that show results with their conditions and quotes. */
  detail: DerivedPaper[];
}

export function citationOf(paper: DerivedPaper): string {
  const { authors, journal, year } = paper.bibliography;
  const surname = (authors[0] ?? '').trim().split(/\s+/).pop() ?? '';
  return `${surname}${authors.length > 1 ? ' et al.' : ''}, ${journal} ${year}`;
}

function originOf(value: Value): string {
  if (value.status === 'missing') return `missing: ${value.because}`;
  return value.how ? `${value.status}: ${value.how}` : value.status;
}

function numericCells(point: Point): Row {
  const row: Row = {};
  for (const { field, column } of NUMERIC_FIELDS) {
    const value = point[field];
    row[column] = value && value.status !== 'missing' ? value.value : null;
    row[`${column}_qualifier`] = value && value.status !== 'missing' ? (value.qualifier ?? null) : null;
    row[`${column}_reported`] = value?.reported ?? null;
    row[`${column}_origin`] = value ? originOf(value) : null;
  }
  return row;
}

function conditionCells(result: DerivedResult): Row {
  const c = result.conditions;
  const row: Row = {};
  for (const { key, column } of CONDITION_QUANTITIES) {
    const value = c[key];
    row[column] = value && value.status !== 'missing' ? value.value : null;
    row[`${column}_reported`] = value?.reported ?? null;
  }
  return row;
}

function rowsOf(paper: DerivedPaper, result: DerivedResult): Row[] {
  const { sample, conditions: c } = result;
  const citation = citationOf(paper);
  return result.points.map((point, index) => {
    const step = result.kind === 'rate' ? index + 1 : null;
    const cells: Row = {
      row_id: `${paper.id}/${result.id}${step === null ? '' : `/${step}`}`,
      paper_id: paper.id,
      doi: paper.bibliography.doi ?? null,
      citation,
      year: paper.bibliography.year,
      sample_id: sample.id,
      sample_name: sample.name,
      formula: sample.formula ?? null,
      ion: sample.ion,
      role: sample.role,
      material_class: sample.class,
      control: sample.control,
      result_id: result.id,
      kind: result.kind,
      step,
      cell: c.cell ?? null,
      format: c.format ?? null,
      counter_electrode: c.counter_electrode ?? null,
      cathode: result.cathode ?? null,
      electrolyte: c.electrolyte ?? null,
      ...conditionCells(result),
      voltage_vs: c.voltage_vs ?? null,
      one_c_reported: c.one_c ?? null,
      capacity_basis: c.capacity_basis ?? null,
      ...numericCells(point),
      property: result.property ?? null,
      property_unit:
        point.property_value && point.property_value.status !== 'missing' ? point.property_value.unit : null,
      retention_baseline_cycle: result.retentionBaseline ?? null,
      failure: result.failure ?? null,
      statement: result.statement ?? null,
      verdict: result.verdict ?? null,
      completeness_score: result.completeness.score === null ? null : Number(result.completeness.score.toFixed(3)),
      reporting_missing: result.completeness.missing.join('; ') || null,
      locator: result.locator,
      quote: result.quotes.join(' | '),
      value_origin: result.origin,
      note: result.note ?? null,
    };
    // Emit columns in their documented order.
    return Object.fromEntries(COLUMNS.map(({ name }) => [name, cells[name] ?? null]));
  });
}

function paperEntry(paper: DerivedPaper, rowCount: number): PaperEntry {
  const b = paper.bibliography;
  return {
    id: paper.id,
    doi: b.doi ?? null,
    doi_note: b.doi_note ?? null,
    citation: citationOf(paper),
    title: b.title,
    authors: b.authors,
    journal: b.journal,
    year: b.year,
    volume: b.volume ?? null,
    issue: b.issue ?? null,
    pages: b.pages ?? null,
    type: b.type,
    note: b.note ?? null,
    findings: paper.body,
    samples: paper.samples,
    result_count: paper.results.length,
    row_count: rowCount,
  };
}

export function buildDataset(papers: DerivedPaper[]): Dataset {
  const sorted = [...papers].sort((a, b) => a.id.localeCompare(b.id));
  const rows: Row[] = [];
  const entries: PaperEntry[] = [];
  for (const paper of sorted) {
    const paperRows = paper.results.flatMap((result) => rowsOf(paper, result));
    rows.push(...paperRows);
    entries.push(paperEntry(paper, paperRows.length));
  }
  return { papers: entries, rows, detail: sorted };
}

function csvCell(cell: Cell): string {
  if (cell === null) return '';
  const text = String(cell);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with a header row, columns in the documented order. */
export function toCsv(rows: Row[], columns: readonly string[] = COLUMNS.map((c) => c.name)): string {
  const lines = [columns.join(','), ...rows.map((row) => columns.map((c) => csvCell(row[c] ?? null)).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
