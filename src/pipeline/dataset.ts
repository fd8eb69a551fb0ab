/**
 * Stage 5, dataset: the published data set. One row per reported data point (one cycling result, one step of a
 * rate series, one symmetric-cell lifetime…), flat, with the columns of columns.ts. Pages, downloads and figures
 * all read from here.
 */
import { COLUMNS } from './columns.ts';
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

type Reading = Value | undefined;

const amount = (v: Reading): Cell => (v && v.status !== 'missing' ? v.value : null);
const qualifier = (v: Reading): Cell => (v && v.status !== 'missing' ? (v.qualifier ?? null) : null);
const reported = (v: Reading): Cell => v?.reported ?? null;
function origin(v: Reading): Cell {
  if (!v) return null;
  if (v.status === 'missing') return `missing: ${v.because}`;
  return v.how ? `${v.status}: ${v.how}` : v.status;
}

/**
 * One row, written as one object literal with every column in COLUMNS order, so that all rows share one hidden
 * class in V8 (a row built key by key, or by spreads, is a slow dictionary object at this many columns).
 * test/pipeline/dataset-test.ts checks that the keys are exactly COLUMNS, in order.
 */
/** Cells that are the same for every point of a result: computed once, shared by its rows. */
function resultCells(result: DerivedResult) {
  const { score, missing } = result.completeness;
  return {
    completeness: score === null ? null : Number(score.toFixed(3)),
    missing: missing.join('; ') || null,
    quote: result.quotes.join(' | '),
  };
}

function rowOf(
  paper: DerivedPaper,
  citation: string,
  result: DerivedResult,
  shared: ReturnType<typeof resultCells>,
  p: Point,
  step: number | null,
): Row {
  const { sample, conditions: c } = result;
  return {
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
    // CONDITION_QUANTITIES
    voltage_min_V: amount(c.voltage_min),
    voltage_min_V_reported: reported(c.voltage_min),
    voltage_max_V: amount(c.voltage_max),
    voltage_max_V_reported: reported(c.voltage_max),
    temperature_degC: amount(c.temperature),
    temperature_degC_reported: reported(c.temperature),
    mass_loading_mg_cm2: amount(c.mass_loading),
    mass_loading_mg_cm2_reported: reported(c.mass_loading),
    electrode_area_cm2: amount(c.electrode_area),
    electrode_area_cm2_reported: reported(c.electrode_area),
    electrolyte_volume_uL: amount(c.electrolyte_volume),
    electrolyte_volume_uL_reported: reported(c.electrolyte_volume),
    voltage_vs: c.voltage_vs ?? null,
    one_c_reported: c.one_c ?? null,
    capacity_basis: c.capacity_basis ?? null,
    // NUMERIC_FIELDS: value, qualifier, as printed, origin
    current_mA_g: amount(p.current),
    current_mA_g_qualifier: qualifier(p.current),
    current_mA_g_reported: reported(p.current),
    current_mA_g_origin: origin(p.current),
    c_rate_C: amount(p.c_rate),
    c_rate_C_qualifier: qualifier(p.c_rate),
    c_rate_C_reported: reported(p.c_rate),
    c_rate_C_origin: origin(p.c_rate),
    current_density_mA_cm2: amount(p.current_density),
    current_density_mA_cm2_qualifier: qualifier(p.current_density),
    current_density_mA_cm2_reported: reported(p.current_density),
    current_density_mA_cm2_origin: origin(p.current_density),
    areal_capacity_mAh_cm2: amount(p.areal_capacity),
    areal_capacity_mAh_cm2_qualifier: qualifier(p.areal_capacity),
    areal_capacity_mAh_cm2_reported: reported(p.areal_capacity),
    areal_capacity_mAh_cm2_origin: origin(p.areal_capacity),
    cycles: amount(p.cycles),
    cycles_qualifier: qualifier(p.cycles),
    cycles_reported: reported(p.cycles),
    cycles_origin: origin(p.cycles),
    duration_h: amount(p.duration),
    duration_h_qualifier: qualifier(p.duration),
    duration_h_reported: reported(p.duration),
    duration_h_origin: origin(p.duration),
    capacity_mAh_g: amount(p.capacity),
    capacity_mAh_g_qualifier: qualifier(p.capacity),
    capacity_mAh_g_reported: reported(p.capacity),
    capacity_mAh_g_origin: origin(p.capacity),
    initial_capacity_mAh_g: amount(p.initial_capacity),
    initial_capacity_mAh_g_qualifier: qualifier(p.initial_capacity),
    initial_capacity_mAh_g_reported: reported(p.initial_capacity),
    initial_capacity_mAh_g_origin: origin(p.initial_capacity),
    discharge_capacity_mAh_g: amount(p.discharge_capacity),
    discharge_capacity_mAh_g_qualifier: qualifier(p.discharge_capacity),
    discharge_capacity_mAh_g_reported: reported(p.discharge_capacity),
    discharge_capacity_mAh_g_origin: origin(p.discharge_capacity),
    charge_capacity_mAh_g: amount(p.charge_capacity),
    charge_capacity_mAh_g_qualifier: qualifier(p.charge_capacity),
    charge_capacity_mAh_g_reported: reported(p.charge_capacity),
    charge_capacity_mAh_g_origin: origin(p.charge_capacity),
    retention_pct: amount(p.retention),
    retention_pct_qualifier: qualifier(p.retention),
    retention_pct_reported: reported(p.retention),
    retention_pct_origin: origin(p.retention),
    decay_per_cycle_pct: amount(p.decay_per_cycle),
    decay_per_cycle_pct_qualifier: qualifier(p.decay_per_cycle),
    decay_per_cycle_pct_reported: reported(p.decay_per_cycle),
    decay_per_cycle_pct_origin: origin(p.decay_per_cycle),
    coulombic_efficiency_pct: amount(p.coulombic_efficiency),
    coulombic_efficiency_pct_qualifier: qualifier(p.coulombic_efficiency),
    coulombic_efficiency_pct_reported: reported(p.coulombic_efficiency),
    coulombic_efficiency_pct_origin: origin(p.coulombic_efficiency),
    initial_coulombic_efficiency_pct: amount(p.initial_coulombic_efficiency),
    initial_coulombic_efficiency_pct_qualifier: qualifier(p.initial_coulombic_efficiency),
    initial_coulombic_efficiency_pct_reported: reported(p.initial_coulombic_efficiency),
    initial_coulombic_efficiency_pct_origin: origin(p.initial_coulombic_efficiency),
    overpotential_mV: amount(p.overpotential),
    overpotential_mV_qualifier: qualifier(p.overpotential),
    overpotential_mV_reported: reported(p.overpotential),
    overpotential_mV_origin: origin(p.overpotential),
    specific_energy_Wh_kg: amount(p.specific_energy),
    specific_energy_Wh_kg_qualifier: qualifier(p.specific_energy),
    specific_energy_Wh_kg_reported: reported(p.specific_energy),
    specific_energy_Wh_kg_origin: origin(p.specific_energy),
    property_value: amount(p.property_value),
    property_value_qualifier: qualifier(p.property_value),
    property_value_reported: reported(p.property_value),
    property_value_origin: origin(p.property_value),
    property: result.property ?? null,
    property_unit: p.property_value && p.property_value.status !== 'missing' ? p.property_value.unit : null,
    retention_baseline_cycle: result.retentionBaseline ?? null,
    failure: result.failure ?? null,
    statement: result.statement ?? null,
    verdict: result.verdict ?? null,
    completeness_score: shared.completeness,
    reporting_missing: shared.missing,
    locator: result.locator,
    quote: shared.quote,
    value_origin: result.origin,
    note: result.note ?? null,
  };
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

const byId = new Intl.Collator().compare;

export function buildDataset(papers: DerivedPaper[]): Dataset {
  // Intl.Collator().compare orders exactly as String.prototype.localeCompare, without its per-call set-up.
  const sorted = [...papers].sort((a, b) => byId(a.id, b.id));
  const rows: Row[] = [];
  const entries: PaperEntry[] = [];
  for (const paper of sorted) {
    const citation = citationOf(paper);
    const first = rows.length;
    for (const result of paper.results) {
      const shared = resultCells(result);
      result.points.forEach((point, index) =>
        rows.push(rowOf(paper, citation, result, shared, point, result.kind === 'rate' ? index + 1 : null)),
      );
    }
    entries.push(paperEntry(paper, rows.length - first));
  }
  return { papers: entries, rows, detail: sorted };
}

export function csvCell(cell: Cell): string {
  if (cell === null) return '';
  const text = String(cell);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with a header row, columns in the documented order. */
export function toCsv(rows: Row[], columns: readonly string[] = COLUMNS.map((c) => c.name)): string {
  const lines = [columns.join(','), ...rows.map((row) => columns.map((c) => csvCell(row[c] ?? null)).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
