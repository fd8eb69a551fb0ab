/**
 * Stage 4, derive: numbers the paper implies but does not print, each marked `derived` with its formula, and the
 * reporting-completeness checklist of every result. A derived value never replaces a reported one.
 */
import { NOT_STATED } from '../schema/paper.ts';
import type { Qualifier } from '../schema/quantity.ts';
import type { NormalisedPaper, NormalisedResult, Point, Value } from './normalise.ts';

type Known = Extract<Value, { value: number }>;
const known = (v: Value | undefined): v is Known => v !== undefined && v.status !== 'missing';

function round(value: number): number {
  return Number(value.toPrecision(6));
}

/** A derived value inherits the qualifier of its inputs: "> 2000 h" gives "> 4000 cycles". */
function qualifierOf(...inputs: Known[]): Qualifier | undefined {
  return inputs.map((v) => v.qualifier).find((q) => q !== undefined);
}

function derived(value: number, unit: string, how: string, ...inputs: Known[]): Value {
  const qualifier = qualifierOf(...inputs);
  return { status: 'derived', value: round(value), unit, ...(qualifier ? { qualifier } : {}), how };
}

/**
 * Symmetric metal cells: one plating/stripping cycle takes 2 × areal capacity ÷ current density hours, so a
 * lifetime in hours gives cycles and cycles give hours. (Not for metal‖Cu cells, whose stripping half ends at a
 * voltage cut-off rather than a fixed time.)
 */
export function deriveCycleTime(point: Point): Point {
  const { current_density: j, areal_capacity: q, duration, cycles } = point;
  if (!known(j) || !known(q) || j.value <= 0) return point;
  const hoursPerCycle = (2 * q.value) / j.value;
  const out = { ...point };
  if (known(duration) && cycles === undefined)
    out.cycles = derived(
      duration.value / hoursPerCycle,
      '',
      `cycles = duration × current density ÷ (2 × areal capacity) = ${duration.value} h × ${j.value} mA cm⁻² ÷ (2 × ${q.value} mAh cm⁻²)`,
      duration,
    );
  if (known(cycles) && duration === undefined)
    out.duration = derived(
      cycles.value * hoursPerCycle,
      'h',
      `duration = cycles × 2 × areal capacity ÷ current density = ${cycles.value} × 2 × ${q.value} mAh cm⁻² ÷ ${j.value} mA cm⁻²`,
      cycles,
    );
  return out;
}

/** Capacity decay per cycle from a retention measured from a known baseline cycle. */
export function deriveDecay(point: Point, baseline: NormalisedResult['retentionBaseline']): Point {
  const { retention, cycles, decay_per_cycle } = point;
  if (decay_per_cycle !== undefined || !known(retention) || !known(cycles)) return point;
  if (typeof baseline !== 'number' || cycles.value <= baseline) return point;
  if (retention.qualifier || cycles.qualifier) return point; // a bound on retention gives no decay rate
  const span = cycles.value - baseline;
  return {
    ...point,
    decay_per_cycle: derived(
      (100 - retention.value) / span,
      '%',
      `decay per cycle = (100 % − retention) ÷ (cycles − baseline cycle) = (100 − ${retention.value}) % ÷ (${cycles.value} − ${baseline})`,
    ),
  };
}

/** The reporting checklist (Chen et al., Joule 2019; Frith et al., Nat. Commun. 2023), as far as it applies. */
export const CHECKLIST = [
  'mass loading',
  'capacity basis',
  '1C definition',
  'electrolyte',
  'voltage window',
  'retention baseline',
  'temperature',
] as const;
export type ChecklistItem = (typeof CHECKLIST)[number];

export interface Completeness {
  reported: ChecklistItem[];
  missing: ChecklistItem[];
  /** reported ÷ applicable, 0–1; null when no item applies (qualitative results). */
  score: number | null;
}

const ELECTRODE_KINDS: readonly NormalisedResult['kind'][] = ['cycling', 'rate', 'first-cycle', 'full-cell'];

export function completeness(result: NormalisedResult): Completeness {
  const c = result.conditions;
  const points = result.points;
  const has = (field: keyof Point) => points.some((p) => p[field] !== undefined);
  const stated = (v: string | undefined) => v !== undefined && v !== NOT_STATED;
  const applicable: [ChecklistItem, boolean][] = [];
  if (result.kind === 'qualitative') return { reported: [], missing: [], score: null };
  const electrode = ELECTRODE_KINDS.includes(result.kind);
  if (electrode) applicable.push(['mass loading', c.mass_loading !== undefined]);
  if (has('capacity') || has('discharge_capacity') || has('charge_capacity') || has('initial_capacity'))
    applicable.push(['capacity basis', stated(c.capacity_basis)]);
  if (has('c_rate')) applicable.push(['1C definition', stated(c.one_c)]);
  applicable.push(['electrolyte', c.electrolyte !== undefined]);
  if (electrode) applicable.push(['voltage window', c.voltage_min !== undefined]);
  if (has('retention')) applicable.push(['retention baseline', typeof result.retentionBaseline === 'number']);
  applicable.push(['temperature', c.temperature !== undefined]);
  const reported = applicable.filter(([, ok]) => ok).map(([item]) => item);
  const missing = applicable.filter(([, ok]) => !ok).map(([item]) => item);
  return { reported, missing, score: reported.length / applicable.length };
}

export interface DerivedResult extends NormalisedResult {
  completeness: Completeness;
}

export interface DerivedPaper extends Omit<NormalisedPaper, 'results'> {
  results: DerivedResult[];
}

export function derive(paper: NormalisedPaper): DerivedPaper {
  return {
    ...paper,
    results: paper.results.map((result) => ({
      ...result,
      points: result.points.map((p) =>
        deriveDecay(result.kind === 'symmetric' ? deriveCycleTime(p) : p, result.retentionBaseline),
      ),
      completeness: completeness(result),
    })),
  };
}
