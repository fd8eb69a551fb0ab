/**
 * Stage 3, normalise: every quantity to its dimension's canonical unit, the reported text kept beside it.
 * A C-rate becomes mA g⁻¹ only with the paper's own 1C definition; without one it stays a C-rate and the
 * specific current is a typed "missing" value that says why.
 */
import type { ConditionsRecord, Count, ResultRecord, SampleRecord } from '../schema/paper.ts';
import { NOT_STATED } from '../schema/paper.ts';
import type { ParsedQuantity, Qualifier } from '../schema/quantity.ts';
import { DIMENSIONS } from '../schema/units.ts';
import type { ParsedPaper } from './validators/types.ts';

/** A number on the site: where it came from, its canonical value, and what the paper printed. */
export type Value =
  | {
      status: 'reported' | 'converted' | 'derived';
      value: number;
      /** Canonical unit as printed on the site ("mAh g⁻¹"); "" for counts. */
      unit: string;
      qualifier?: Qualifier;
      /** The text as printed in the paper ("0.1 C"); absent for derived values. */
      reported?: string;
      /** For converted and derived values: the formula with its inputs. */
      how?: string;
    }
  | { status: 'missing'; because: string; reported?: string };

/** The numeric fields a data point can hold, by their data-set name (see columns.ts). */
export type Field =
  | 'current'
  | 'c_rate'
  | 'current_density'
  | 'areal_capacity'
  | 'cycles'
  | 'duration'
  | 'capacity'
  | 'initial_capacity'
  | 'discharge_capacity'
  | 'charge_capacity'
  | 'retention'
  | 'decay_per_cycle'
  | 'coulombic_efficiency'
  | 'initial_coulombic_efficiency'
  | 'overpotential'
  | 'specific_energy'
  | 'property_value';

export type Point = Partial<Record<Field, Value>>;

export interface NormalisedConditions {
  cell?: string;
  format?: string;
  counter_electrode?: string;
  electrolyte?: string;
  electrolyte_volume?: Value;
  voltage_min?: Value;
  voltage_max?: Value;
  voltage_vs?: string;
  temperature?: Value;
  mass_loading?: Value;
  electrode_area?: Value;
  /** The paper's 1C as printed, or "not stated". */
  one_c?: string;
  capacity_basis?: string;
}

export interface NormalisedResult {
  id: string;
  kind: ResultRecord['kind'];
  sample: SampleRecord;
  conditions: NormalisedConditions;
  /** One point for most kinds; one per current/capacity pair for a rate series. */
  points: Point[];
  /** retention_baseline_cycle as given: a cycle number or "not stated". */
  retentionBaseline?: number | typeof NOT_STATED;
  /** Words, for kinds that carry them. */
  cathode?: string;
  property?: string;
  statement?: string;
  verdict?: string;
  failure?: string;
  locator: string;
  quotes: string[];
  origin: 'reported' | 'read from plot';
  note?: string;
}

export interface NormalisedPaper {
  id: string;
  path: string;
  bibliography: ParsedPaper['frontmatter']['paper'];
  samples: SampleRecord[];
  results: NormalisedResult[];
  body: string;
}

function round(value: number): number {
  return Number(value.toPrecision(12));
}

/** A quantity in its canonical unit. */
export function canonical(q: ParsedQuantity): Value {
  const value = round(q.value * q.factor + q.offset);
  return {
    status: 'reported',
    value,
    unit: DIMENSIONS[q.dimension].canonical,
    ...(q.qualifier ? { qualifier: q.qualifier } : {}),
    reported: q.text,
  };
}

function countValue(c: Count): Value {
  return {
    status: 'reported',
    value: c.value,
    unit: '',
    ...(c.qualifier ? { qualifier: c.qualifier } : {}),
    reported: c.text,
  };
}

/** The specific current of a current written as mA g⁻¹-type or as a C-rate, using the paper's 1C. */
export function specificCurrent(q: ParsedQuantity, oneC: ConditionsRecord['one_c']): Value {
  if (q.dimension !== 'c-rate') return canonical(q);
  if (oneC === undefined || oneC === NOT_STATED)
    return { status: 'missing', because: 'C-rate with no 1C definition in the paper', reported: q.text };
  const perC = round(oneC.value * oneC.factor);
  const asCurrent = oneC.dimension === 'specific-capacity' ? `${perC} mAh g⁻¹ per hour` : `${perC} mA g⁻¹`;
  return {
    status: 'converted',
    value: round(q.value * perC),
    unit: DIMENSIONS['specific-current'].canonical,
    ...(q.qualifier ? { qualifier: q.qualifier } : {}),
    reported: q.text,
    how: `${q.valueText} C × (1C = ${asCurrent}, from "${oneC.text}")`,
  };
}

function currentFields(q: ParsedQuantity | undefined, oneC: ConditionsRecord['one_c']): Point {
  if (!q) return {};
  const point: Point = { current: specificCurrent(q, oneC) };
  if (q.dimension === 'c-rate') point.c_rate = canonical(q);
  return point;
}

function normaliseConditions(c: ConditionsRecord | undefined): NormalisedConditions {
  if (!c) return {};
  const out: NormalisedConditions = {};
  if (c.cell) out.cell = c.cell;
  if (c.format) out.format = c.format;
  if (c.counter_electrode) out.counter_electrode = c.counter_electrode;
  if (c.electrolyte) out.electrolyte = c.electrolyte;
  if (c.electrolyte_volume) out.electrolyte_volume = canonical(c.electrolyte_volume);
  if (c.voltage_window) {
    out.voltage_min = canonical(c.voltage_window.min);
    out.voltage_max = canonical(c.voltage_window.max);
    if (c.voltage_window.vs) out.voltage_vs = c.voltage_window.vs;
  }
  if (c.temperature) out.temperature = canonical(c.temperature);
  if (c.mass_loading) out.mass_loading = canonical(c.mass_loading);
  if (c.electrode_area) out.electrode_area = canonical(c.electrode_area);
  if (c.one_c !== undefined) out.one_c = c.one_c === NOT_STATED ? NOT_STATED : c.one_c.text;
  if (c.capacity_basis !== undefined) out.capacity_basis = c.capacity_basis;
  return out;
}

/** Copies the named quantity fields of a result into a point, canonicalised. */
function quantities(result: Record<string, unknown>, fields: readonly Field[]): Point {
  const point: Point = {};
  for (const field of fields) {
    const q = result[field] as ParsedQuantity | Count | undefined;
    if (q === undefined) continue;
    point[field] = 'dimension' in q ? canonical(q) : countValue(q);
  }
  return point;
}

function points(result: ResultRecord): Point[] {
  const oneC = result.conditions?.one_c;
  const fields = result as unknown as Record<string, unknown>;
  switch (result.kind) {
    case 'rate':
      return result.capacities.map((capacity, i) => {
        const current = result.currents[i];
        const point: Point = { capacity: canonical(capacity) };
        if (current === NOT_STATED) point.current = { status: 'missing', because: 'current of this step not printed' };
        else Object.assign(point, currentFields(current, oneC));
        return point;
      });
    case 'cycling':
    case 'full-cell':
      return [
        {
          ...currentFields(result.current, oneC),
          ...quantities(fields, [
            'cycles',
            'capacity',
            'initial_capacity',
            'retention',
            'decay_per_cycle',
            'coulombic_efficiency',
            'specific_energy',
          ]),
        },
      ];
    case 'first-cycle':
      return [
        {
          ...currentFields(result.current, oneC),
          ...quantities(fields, ['discharge_capacity', 'charge_capacity', 'initial_coulombic_efficiency']),
        },
      ];
    case 'symmetric':
    case 'plating':
      return [
        quantities(fields, [
          'current_density',
          'areal_capacity',
          'duration',
          'cycles',
          'overpotential',
          'coulombic_efficiency',
          'initial_coulombic_efficiency',
        ]),
      ];
    case 'property':
      return [{ property_value: canonical(result.value) }];
    case 'qualitative':
      return [{}];
  }
}

function words(result: ResultRecord): Partial<NormalisedResult> {
  switch (result.kind) {
    case 'full-cell':
      return { cathode: result.cathode };
    case 'property':
      return { property: result.property };
    case 'qualitative':
      return { statement: result.statement, verdict: result.verdict };
    case 'symmetric':
      return { failure: result.failure };
    case 'plating':
      return result.failure ? { failure: result.failure } : {};
    default:
      return {};
  }
}

export function normalise(paper: ParsedPaper): NormalisedPaper {
  const { frontmatter } = paper;
  const samples = new Map(frontmatter.samples.map((s) => [s.id, s]));
  return {
    id: paper.id,
    path: paper.path,
    bibliography: frontmatter.paper,
    samples: frontmatter.samples,
    body: paper.body,
    results: frontmatter.results.map((result) => ({
      id: result.id,
      kind: result.kind,
      sample: samples.get(result.sample)!,
      conditions: normaliseConditions(result.conditions),
      points: points(result),
      ...('retention_baseline_cycle' in result && result.retention_baseline_cycle !== undefined
        ? { retentionBaseline: result.retention_baseline_cycle }
        : {}),
      ...words(result),
      locator: result.source.locator,
      quotes: Array.isArray(result.source.quote) ? result.source.quote : [result.source.quote],
      origin: result.source.origin,
      ...(result.note ? { note: result.note } : {}),
    })),
  };
}
