/**
 * Which specific capacities can share one axis: half-cell results per active mass at a known specific current. The
 * capacity-vs-cycles and rate-capability figures both leave out the rest, with the same reasons.
 */
import type { Row } from '../pipeline/dataset.ts';

/** Why the row's capacity is not comparable with other half-cell capacities, or undefined when it is. */
export function halfCellCapacityProblem(row: Row, noCapacity: string): string | undefined {
  if (row.kind === 'full-cell' || row.cell === 'full')
    return 'full cell: its capacity depends on the cathode and the cell balance';
  if (row.cell !== 'half') return `cell type ${String(row.cell ?? 'not stated')}, not a half cell`;
  if (typeof row.capacity_mAh_g !== 'number') return noCapacity;
  if (typeof row.current_mA_g !== 'number') return `current not comparable (${String(row.current_mA_g_origin)})`;
  const basis = row.capacity_basis;
  if (basis === 'anode' || basis === 'cathode') return `capacity per ${basis} mass of a full cell`;
  return undefined;
}
