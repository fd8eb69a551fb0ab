/** The figures the site publishes, in the order of the figure index. */
import { capacityVsCycles } from './capacity-vs-cycles.ts';
import type { FigureDefinition } from './figure.ts';
import { firstCycleEfficiency } from './first-cycle-efficiency.ts';
import { metalAnodes } from './metal-anodes.ts';
import { rateCapability } from './rate-capability.ts';

export const FIGURES: readonly FigureDefinition[] = [
  capacityVsCycles,
  rateCapability,
  metalAnodes,
  firstCycleEfficiency,
];

export function figureById(id: string): FigureDefinition {
  const found = FIGURES.find((f) => f.id === id);
  if (!found) throw new Error(`unknown figure "${id}"; accepted: ${FIGURES.map((f) => f.id).join(', ')}`);
  return found;
}
